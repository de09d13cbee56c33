using System.Text;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Import;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;

namespace SbbCommerce.UnitTests.Payments.Reconciliation.Import;

public sealed class StatementParserTests
{
    [Theory]
    [InlineData("$1,234.56", 123_456)]
    [InlineData("-$5.00", -500)]
    [InlineData("+ $25.00", 2_500)]
    [InlineData("- $10.50", -1_050)]
    [InlineData("$-7.25", -725)]
    [InlineData("(5.00)", -500)]
    [InlineData("25", 2_500)]
    [InlineData("12.3", 1_230)]
    public void Given_an_amount_as_exports_write_it_When_parsed_Then_it_is_signed_cents(string text, long cents)
    {
        Assert.True(StatementParser.TryParseCents(text, out var parsed));
        Assert.Equal(cents, parsed);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("five")]
    [InlineData("")]
    [InlineData("1e5")]
    public void Given_a_text_that_is_no_amount_When_parsed_Then_it_is_refused(string text) =>
        Assert.False(StatementParser.TryParseCents(text, out _));

    [Fact]
    public void Given_a_venmo_statement_with_preamble_and_balance_rows_When_parsed_Then_only_transactions_are_read_with_their_file_lines()
    {
        var csv = "Account Statement - (@Shop) ,,,\r\nAccount Activity,,,\r\n"
            + ",ID,Datetime,Type,Status,Note,From,To,Amount (total)\r\n"
            + ",,,,,,,,\r\n"
            + ",123,2026-11-28T14:32:10,Payment,Complete,\"PAY-200001, thanks\",Jane Doe,Shop,+ $120.00\r\n"
            + ",124,2026-11-28T15:00:00,Payment,Complete,refund,Shop,Jane Doe,- $20.00\r\n"
            + ",,,,,,,,\r\n";

        var parsed = StatementParser.Parse(Encoding.UTF8.GetBytes(csv), StatementLayouts.BuiltIn("venmo")!);

        Assert.Empty(parsed.Errors);
        Assert.Equal([5, 6], parsed.Lines.Select(l => l.LineNumber));
        var first = parsed.Lines[0];
        Assert.Equal((new DateOnly(2026, 11, 28), 12_000, "incoming", "Jane Doe", "PAY-200001, thanks", "txn:123"),
            (first.PostedOn, first.AmountCents, first.Direction, first.CounterpartyName, first.Memo, first.DedupeKey));
        Assert.Equal("outgoing", parsed.Lines[1].Direction);
    }

    [Fact]
    public void Given_a_bank_of_america_zelle_description_When_parsed_Then_sender_memo_and_confirmation_are_taken_from_it()
    {
        var csv = "Date,Description,Amount,Running Bal.\r\n"
            + "11/28/2026,\"Zelle payment from JANE DOE for \"\"PAY-200001\"\"; Conf# T0ABC123\",120.00,\"1,120.00\"\r\n";

        var line = Assert.Single(StatementParser.Parse(Encoding.UTF8.GetBytes(csv), StatementLayouts.BuiltIn("bofa")!).Lines);

        Assert.Equal(("JANE DOE", "PAY-200001", "T0ABC123"), (line.CounterpartyName, line.Memo, line.TransactionId));
    }

    [Fact]
    public void Given_two_identical_lines_without_ids_When_parsed_Then_their_dedupe_keys_differ_by_occurrence()
    {
        var csv = "Date,Description,Amount\r\n11/28/2026,DEPOSIT,50.00\r\n11/28/2026,DEPOSIT,50.00\r\n";

        var lines = StatementParser.Parse(Encoding.UTF8.GetBytes(csv), StatementLayouts.BuiltIn("bofa")!).Lines;

        Assert.Equal(2, lines.Select(l => l.DedupeKey).Distinct().Count());
        Assert.All(lines, l => Assert.StartsWith("sha256:", l.DedupeKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_an_unclosed_quote_When_parsed_Then_the_line_is_reported()
    {
        var csv = "Date,Description,Amount\r\n11/28/2026,\"broken,50.00\r\n";

        var parsed = StatementParser.Parse(Encoding.UTF8.GetBytes(csv), StatementLayouts.BuiltIn("bofa")!);

        Assert.NotEmpty(parsed.Errors);
    }
}
