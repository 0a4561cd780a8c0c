//! Many customers from one file: the columns of the CSV template, reading a
//! file into one draft per row, and what only a file can get wrong (a column
//! it lacks, a value no wizard input could hold, the same domain twice). Each
//! row's draft then goes through the wizard's own rules.

use std::collections::{HashMap, HashSet};

use csv_core::{ReadFieldResult, ReaderBuilder};
use serde::{Deserialize, Serialize};

use crate::draft::{AgreementChoice, ChosenOffer, Draft, is_acceptor_detail};
use crate::validation::{self, Field};

/// A file larger than this is refused before it is read.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// A file with more rows than this (the header aside) is refused.
pub const MAX_ROWS: usize = 2_000;

/// What a column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// A text of Account info, as the wizard's input for that field takes it.
    Text(Field),
    /// `willAccept` (the default) or `hasAccepted`.
    Agreement,
    /// The indirect reseller's tenant id.
    Reseller,
    Offer,
    Quantity,
}

/// A column of the file.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// Its stable name, in the header.
    pub name: &'static str,
    pub holds: Column,
    /// Without it no row could be a customer; the rest may be left out
    /// (language and culture then come from the country).
    pub required: bool,
    /// The template's example row's value.
    pub example: &'static str,
}

const fn spec(
    name: &'static str,
    holds: Column,
    required: bool,
    example: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        name,
        holds,
        required,
        example,
    }
}

/// Every column, in the template's order.
pub const COLUMNS: [ColumnSpec; 25] = [
    spec(
        "companyName",
        Column::Text(Field::CompanyName),
        true,
        "Kertész Kft.",
    ),
    spec(
        "domainPrefix",
        Column::Text(Field::DomainPrefix),
        true,
        "kerteszkft",
    ),
    spec("country", Column::Text(Field::Country), true, "HU"),
    spec(
        "addressLine1",
        Column::Text(Field::AddressLine1),
        true,
        "Fő utca 1.",
    ),
    spec("addressLine2", Column::Text(Field::AddressLine2), false, ""),
    spec("addressLine3", Column::Text(Field::AddressLine3), false, ""),
    spec("city", Column::Text(Field::City), true, "Budapest"),
    spec("state", Column::Text(Field::State), false, ""),
    spec("postalCode", Column::Text(Field::PostalCode), true, "1011"),
    spec(
        "registrationNumber",
        Column::Text(Field::RegistrationNumber),
        false,
        "12892312-2-42",
    ),
    spec("firstName", Column::Text(Field::FirstName), true, "Anna"),
    spec("lastName", Column::Text(Field::LastName), true, "Kertész"),
    spec(
        "email",
        Column::Text(Field::Email),
        true,
        "anna@kertesz.example",
    ),
    spec(
        "phoneNumber",
        Column::Text(Field::PhoneNumber),
        true,
        "+36 1 234 5678",
    ),
    spec("language", Column::Text(Field::Language), false, ""),
    spec("culture", Column::Text(Field::Culture), false, ""),
    spec("agreement", Column::Agreement, false, "willAccept"),
    spec("dateAgreed", Column::Text(Field::AgreementDate), false, ""),
    spec(
        "acceptorFirstName",
        Column::Text(Field::AcceptorFirstName),
        false,
        "",
    ),
    spec(
        "acceptorLastName",
        Column::Text(Field::AcceptorLastName),
        false,
        "",
    ),
    spec(
        "acceptorEmail",
        Column::Text(Field::AcceptorEmail),
        false,
        "",
    ),
    spec(
        "acceptorPhoneNumber",
        Column::Text(Field::AcceptorPhoneNumber),
        false,
        "",
    ),
    spec("resellerId", Column::Reseller, false, ""),
    spec("offerId", Column::Offer, false, ""),
    spec("quantity", Column::Quantity, false, ""),
];

/// The file offered for download: the header and one example row.
pub fn template() -> String {
    let header: Vec<&str> = COLUMNS.iter().map(|column| column.name).collect();
    let example: Vec<&str> = COLUMNS.iter().map(|column| column.example).collect();
    format!("{}\r\n{}\r\n", csv_line(&header), csv_line(&example))
}

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    TooLarge,
    /// Not UTF-8: saved in another encoding.
    NotUtf8,
    /// Not one row after the header.
    NoRows,
    TooManyRows,
    /// The first row lacks these columns: often a file without the header.
    MissingColumns(Vec<String>),
    UnknownColumns(Vec<String>),
    /// The same column twice.
    RepeatedColumns(Vec<String>),
}

/// What a row of the file gets wrong that no wizard input could, or that
/// only the file's other rows and the partner's data show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// The agreement column holds neither `willAccept` nor `hasAccepted`.
    UnknownAgreement,
    /// The quantity is not a whole number of licences.
    QuantityNotANumber,
    /// A quantity without an offer.
    QuantityWithoutOffer,
    /// Another row, numbered here, has the same domain.
    RepeatedDomain(usize),
    /// The partner has no reseller with this id.
    UnknownReseller,
    /// Another tenant already has the domain (the API's domain lookup says so).
    DomainTaken,
}

/// One customer of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Row {
    /// Its row in the file, counting the header as 1, as spreadsheets do.
    pub number: usize,
    pub draft: Draft,
    /// What the file got wrong in it; fixed only by a new file.
    pub problems: Vec<RowProblem>,
}

/// The rows of a CSV file (RFC 4180; UTF-8 with or without a byte-order mark;
/// comma or semicolon separated, as the header shows), or why none can be read.
pub fn read(bytes: &[u8]) -> Result<Vec<Row>, FileProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = records(text, separator(text))
        .into_iter()
        .filter(|record| record.iter().any(|field| !field.trim().is_empty()));
    let header = records.next().ok_or(FileProblem::NoRows)?;
    let columns = columns_of(&header)?;
    let mut rows = Vec::new();
    for (index, record) in records.enumerate() {
        if rows.len() == MAX_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        rows.push(row_of(index + 2, &columns, &record));
    }
    if rows.is_empty() {
        return Err(FileProblem::NoRows);
    }
    Ok(rows)
}

/// Semicolons when the header has more of them than commas: what spreadsheet
/// programs write where the comma is the decimal sign (Hungarian, Turkish).
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |separator| header.matches(separator).count();
    if count(';') > count(',') { b';' } else { b',' }
}

fn records(text: &str, separator: u8) -> Vec<Vec<String>> {
    let mut reader = ReaderBuilder::new().delimiter(separator).build();
    let mut input = text.as_bytes();
    // A field is never longer than the file.
    let mut field = vec![0; input.len() + 1];
    let mut records = Vec::new();
    let mut record = Vec::new();
    loop {
        let (result, read, written) = reader.read_field(input, &mut field);
        input = &input[read..];
        match result {
            ReadFieldResult::Field { record_end } => {
                record.push(String::from_utf8_lossy(&field[..written]).into_owned());
                if record_end {
                    records.push(std::mem::take(&mut record));
                }
            }
            // The next call, with no input left, reads the file's end.
            ReadFieldResult::InputEmpty => {}
            ReadFieldResult::OutputFull | ReadFieldResult::End => break,
        }
    }
    records
}

/// The column a file of rows to fix adds: what was wrong with each.
pub const PROBLEMS: &str = "problems";

/// Which column each field of a row is, from the header; a column without a
/// name (a spreadsheet's trailing separators) or [`PROBLEMS`] is none.
fn columns_of(header: &[String]) -> Result<Vec<Option<Column>>, FileProblem> {
    let mut seen = HashSet::new();
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    let mut columns = Vec::new();
    for name in header {
        let name = name.trim();
        if name.is_empty() || name.eq_ignore_ascii_case(PROBLEMS) {
            columns.push(None);
            continue;
        }
        match COLUMNS
            .iter()
            .find(|known| known.name.eq_ignore_ascii_case(name))
        {
            Some(known) => {
                if !seen.insert(known.name) {
                    repeated.push(known.name.to_owned());
                }
                columns.push(Some(known.holds));
            }
            None => unknown.push(name.to_owned()),
        }
    }
    let missing: Vec<String> = COLUMNS
        .iter()
        .filter(|column| column.required && !seen.contains(column.name))
        .map(|column| column.name.to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns(missing));
    }
    if !unknown.is_empty() {
        return Err(FileProblem::UnknownColumns(unknown));
    }
    if !repeated.is_empty() {
        return Err(FileProblem::RepeatedColumns(repeated));
    }
    Ok(columns)
}

fn row_of(number: usize, columns: &[Option<Column>], record: &[String]) -> Row {
    let mut row = Row {
        number,
        draft: Draft::default(),
        problems: Vec::new(),
    };
    let mut offer = None;
    let mut quantity = None;
    let mut acceptor = Vec::new();
    for (column, value) in columns.iter().zip(record) {
        let Some(column) = column else { continue };
        let value = value.trim();
        match column {
            // After the primary contact, whose details an acceptor starts from.
            Column::Text(field) if is_acceptor_detail(*field) => {
                if !value.is_empty() {
                    acceptor.push((*field, value.to_owned()));
                }
            }
            Column::Text(field) => row.draft.set_text(*field, value.to_owned()),
            Column::Agreement => match value {
                "" | "willAccept" => {}
                "hasAccepted" => row.draft.agreement.choice = AgreementChoice::CustomerHasAccepted,
                _ => row.problems.push(RowProblem::UnknownAgreement),
            },
            Column::Reseller => {
                row.draft.reseller_id = (!value.is_empty()).then(|| value.to_owned());
            }
            Column::Offer => offer = (!value.is_empty()).then(|| value.to_owned()),
            Column::Quantity if value.is_empty() => {}
            Column::Quantity => match value.parse::<u32>() {
                Ok(count) => quantity = Some(count),
                Err(_) => row.problems.push(RowProblem::QuantityNotANumber),
            },
        }
    }
    for (field, value) in acceptor {
        row.draft.set_text(field, value);
    }
    row.draft.account.country = row.draft.account.country.to_ascii_uppercase();
    match offer {
        Some(offer_id) => row.draft.offers.push(ChosenOffer {
            offer_id,
            quantity: quantity.unwrap_or(1),
            ..ChosenOffer::default()
        }),
        None if quantity.is_some() => row.problems.push(RowProblem::QuantityWithoutOffer),
        None => {}
    }
    row
}

/// For each row whose domain an earlier row of the file has, that row's
/// number; `rows` are each row's number and domain prefix, in file order.
pub fn repeated_domains<'a>(
    rows: impl IntoIterator<Item = (usize, &'a str)>,
) -> HashMap<usize, usize> {
    let mut first = HashMap::new();
    let mut repeated = HashMap::new();
    for (number, prefix) in rows {
        // A domain is ASCII letters and digits: its ASCII case is all its case.
        let domain = validation::normalize(prefix).to_ascii_lowercase();
        if domain.is_empty() {
            continue;
        }
        match first.get(&domain) {
            Some(earlier) => {
                repeated.insert(number, *earlier);
            }
            None => {
                first.insert(domain, number);
            }
        }
    }
    repeated
}

/// A row's values in [`COLUMNS`]' order: what a file of rows to fix holds.
pub fn values_of(draft: &Draft) -> Vec<String> {
    let offer = draft.offers.first();
    COLUMNS
        .iter()
        .map(|column| match column.holds {
            // Empty while the acceptor is the primary contact, as read.
            Column::Text(field)
                if is_acceptor_detail(field) && draft.agreement.acceptor.is_none() =>
            {
                String::new()
            }
            Column::Text(field) => draft.text(field),
            Column::Agreement => match draft.agreement.choice {
                AgreementChoice::CustomerWillAccept => "willAccept".to_owned(),
                AgreementChoice::CustomerHasAccepted => "hasAccepted".to_owned(),
            },
            Column::Reseller => draft.reseller_id.clone().unwrap_or_default(),
            Column::Offer => offer
                .map(|offer| offer.offer_id.clone())
                .unwrap_or_default(),
            Column::Quantity => offer
                .map(|offer| offer.quantity.to_string())
                .unwrap_or_default(),
        })
        .collect()
}

/// One line of CSV (RFC 4180): a field with a comma, a quote or a line break
/// is quoted, its quotes doubled.
pub fn csv_line(fields: &[impl AsRef<str>]) -> String {
    fields
        .iter()
        .map(|field| {
            let field = field.as_ref();
            if field.contains([',', ';', '"', '\r', '\n']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests;
