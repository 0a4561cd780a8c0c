use super::*;
use crate::draft::AgreementChoice;

fn header() -> String {
    COLUMNS
        .iter()
        .map(|column| column.name)
        .collect::<Vec<_>>()
        .join(",")
}

fn one_row(values: &[(&str, &str)]) -> String {
    let line: Vec<String> = COLUMNS
        .iter()
        .map(|spec| {
            values
                .iter()
                .find(|(column, _)| *column == spec.name)
                .map(|(_, value)| (*value).to_owned())
                .unwrap_or_default()
        })
        .collect();
    format!("{}\n{}\n", header(), csv_line(&line))
}

#[test]
fn the_template_offered_for_download_is_the_one_the_reader_reads() {
    let served = include_str!("../../../../public/customers-template.csv");
    assert_eq!(served, template());
    let rows = read(served.as_bytes()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].number, 2);
    assert_eq!(rows[0].draft.account.company_name, "Kertész Kft.");
    assert!(rows[0].problems.is_empty());
}

#[test]
fn quoted_fields_keep_their_commas_quotes_and_line_breaks() {
    let file = format!(
        "{}\n\"Kovács, Szabó és \"\"Társa\"\" Bt.\",kovacs,hu,\"Fő utca 1.\nII. emelet\"\n",
        "companyName,domainPrefix,country,addressLine1,city,postalCode,firstName,lastName,email,phoneNumber"
    );
    let rows = read(file.as_bytes()).unwrap();
    let account = &rows[0].draft.account;
    assert_eq!(account.company_name, "Kovács, Szabó és \"Társa\" Bt.");
    assert_eq!(account.address_line1, "Fő utca 1.\nII. emelet");
    assert_eq!(
        account.country, "HU",
        "the country code is taken in capitals"
    );
}

#[test]
fn a_semicolon_separated_file_with_a_byte_order_mark_is_read_like_a_comma_separated_one() {
    let comma = one_row(&[("companyName", "Yıldız A.Ş."), ("city", "İstanbul")]);
    let semicolon = format!("\u{feff}{}", comma.replace(',', ";"));
    assert_eq!(read(semicolon.as_bytes()), read(comma.as_bytes()));
    assert_eq!(
        read(semicolon.as_bytes()).unwrap()[0]
            .draft
            .account
            .company_name,
        "Yıldız A.Ş."
    );
}

#[test]
fn a_file_in_another_encoding_is_refused_as_such() {
    // "Kertész" in ISO-8859-2.
    let latin2 = b"companyName\nKert\xe9sz\n";
    assert_eq!(read(latin2), Err(FileProblem::NotUtf8));
}

#[test]
fn a_file_without_the_header_names_the_columns_it_lacks() {
    let file = "Kertész Kft.,kertesz,HU\n";
    match read(file.as_bytes()) {
        Err(FileProblem::MissingColumns(missing)) => {
            assert_eq!(
                missing.len(),
                COLUMNS.iter().filter(|column| column.required).count()
            );
            assert!(missing.contains(&"companyName".to_owned()));
        }
        other => panic!("read as {other:?}"),
    }
}

#[test]
fn unknown_and_repeated_columns_are_named() {
    let unknown = format!("{},vatNumber\n", header());
    assert_eq!(
        read(unknown.as_bytes()),
        Err(FileProblem::UnknownColumns(vec!["vatNumber".to_owned()]))
    );
    let repeated = format!("{},city\nx\n", header());
    assert_eq!(
        read(repeated.as_bytes()),
        Err(FileProblem::RepeatedColumns(vec!["city".to_owned()]))
    );
}

#[test]
fn a_file_over_the_limits_or_without_rows_is_refused() {
    assert_eq!(read(header().as_bytes()), Err(FileProblem::NoRows));
    assert_eq!(read(b""), Err(FileProblem::NoRows));
    let mut many = header();
    many.push('\n');
    many.push_str(&"x\n".repeat(MAX_ROWS + 1));
    assert_eq!(read(many.as_bytes()), Err(FileProblem::TooManyRows));
    let large = vec![b' '; MAX_BYTES + 1];
    assert_eq!(read(&large), Err(FileProblem::TooLarge));
}

#[test]
fn blank_lines_are_not_rows_and_rows_are_numbered_as_in_a_spreadsheet() {
    let file = format!("{}\nfirst\n\n;;;\nsecond\n", header().replace(',', ";"));
    let rows = read(file.as_bytes()).unwrap();
    let numbers: Vec<(usize, &str)> = rows
        .iter()
        .map(|row| (row.number, row.draft.account.company_name.as_str()))
        .collect();
    assert_eq!(numbers, [(2, "first"), (3, "second")]);
}

#[test]
fn the_agreement_reseller_and_offer_columns_fill_the_draft() {
    let file = one_row(&[
        ("firstName", "Anna"),
        ("email", "anna@kertesz.example"),
        ("agreement", "hasAccepted"),
        ("dateAgreed", "2026-11-30"),
        ("acceptorFirstName", "Béla"),
        ("resellerId", "reseller-1"),
        ("offerId", "offer-1"),
        ("quantity", "25"),
    ]);
    let row = &read(file.as_bytes()).unwrap()[0];
    assert!(row.problems.is_empty(), "{:?}", row.problems);
    let draft = &row.draft;
    assert_eq!(draft.agreement.choice, AgreementChoice::CustomerHasAccepted);
    assert_eq!(draft.agreement.date_agreed, "2026-11-30");
    let acceptor = draft.acceptor();
    assert_eq!(acceptor.first_name, "Béla");
    assert_eq!(
        acceptor.email, "anna@kertesz.example",
        "the acceptor's other details are the primary contact's"
    );
    assert_eq!(draft.reseller_id.as_deref(), Some("reseller-1"));
    assert_eq!(draft.offers.len(), 1);
    assert_eq!(draft.offers[0].offer_id, "offer-1");
    assert_eq!(draft.offers[0].quantity, 25);
}

#[test]
fn without_acceptor_columns_the_acceptor_is_the_primary_contact() {
    let file = one_row(&[("firstName", "Anna"), ("agreement", "hasAccepted")]);
    let row = &read(file.as_bytes()).unwrap()[0];
    assert_eq!(row.draft.agreement.acceptor, None);
}

#[test]
fn values_no_wizard_input_could_hold_are_problems_of_their_row() {
    let file = one_row(&[("agreement", "maybe"), ("quantity", "sok")]);
    let row = &read(file.as_bytes()).unwrap()[0];
    assert_eq!(
        row.problems,
        [RowProblem::UnknownAgreement, RowProblem::QuantityNotANumber]
    );
    let alone = one_row(&[("quantity", "3")]);
    assert_eq!(
        read(alone.as_bytes()).unwrap()[0].problems,
        [RowProblem::QuantityWithoutOffer]
    );
}

#[test]
fn a_domain_an_earlier_row_has_is_a_repeat_of_that_row() {
    let file = "companyName,domainPrefix,country,addressLine1,city,postalCode,firstName,lastName,email,phoneNumber\n\
         a,kertesz\nb,other\nc, Kertesz \n";
    let rows = read(file.as_bytes()).unwrap();
    let repeated = repeated_domains(
        rows.iter()
            .map(|row| (row.number, row.draft.account.domain_prefix.as_str())),
    );
    assert_eq!(repeated.len(), 1);
    assert_eq!(repeated.get(&4), Some(&2));
}

#[test]
fn a_row_whose_acceptor_is_the_primary_contact_is_written_out_without_one() {
    let file = one_row(&[("firstName", "Anna"), ("agreement", "hasAccepted")]);
    let row = read(file.as_bytes()).unwrap().remove(0);
    let again = format!("{}\n{}\n", header(), csv_line(&values_of(&row.draft)));
    let read_again = read(again.as_bytes()).unwrap().remove(0);
    assert_eq!(read_again.draft, row.draft);
    assert_eq!(read_again.draft.agreement.acceptor, None);
}

#[test]
fn a_row_written_out_again_reads_back_as_the_same_draft() {
    let file = one_row(&[
        ("companyName", "Kovács, \"Társa\""),
        ("agreement", "hasAccepted"),
        ("acceptorEmail", "bela@kovacs.example"),
        ("offerId", "offer-1"),
        ("quantity", "3"),
    ]);
    let row = read(file.as_bytes()).unwrap().remove(0);
    let again = format!("{}\n{}\n", header(), csv_line(&values_of(&row.draft)));
    assert_eq!(read(again.as_bytes()).unwrap()[0].draft, row.draft);
}
