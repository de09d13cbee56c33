namespace SbbCommerce.IntegrationTests.Payments.Reconciliation.Layouts;

/// <summary>A bank export read with a column mapping from configuration (Reconciliation:Layouts:&lt;name&gt;).</summary>
public sealed class GenericLayoutFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Reconciliation:Layouts:creditunion:Date"] = "Posted",
        ["Reconciliation:Layouts:creditunion:DateFormats:0"] = "yyyyMMdd",
        ["Reconciliation:Layouts:creditunion:Amount"] = "Credit",
        ["Reconciliation:Layouts:creditunion:Name"] = "Payer",
        ["Reconciliation:Layouts:creditunion:Handle"] = "Payer Email",
        ["Reconciliation:Layouts:creditunion:Memo"] = "Memo",
        ["Reconciliation:Layouts:creditunion:TransactionId"] = "Ref",
    };
}

public sealed class GenericLayoutTests(GenericLayoutFixture fixture) : IClassFixture<GenericLayoutFixture>
{
    [Fact]
    public async Task Given_a_configured_layout_When_a_generic_statement_is_imported_Then_its_columns_are_read_and_matched()
    {
        var admin = fixture.CreateClient().WithBearer(fixture.AdminToken());
        var placed = await fixture.SubmittedAsync();
        var id = ReconciliationApi.NewId();
        var csv = "Ref,Posted,Payer,Payer Email,Memo,Credit\r\n"
            + $"{id},{fixture.Today():yyyyMMdd},Bea Buyer,bea@example.test,{placed.PaymentReference},{StatementCsv.Money(placed.TotalCents, "")}\r\n";

        var result = await admin.ImportedAsync(csv, "generic", "creditunion");

        Assert.Equal("creditunion", result.GetProperty("layout").GetString());
        Assert.Equal(1, result.GetProperty("matched").GetInt32());
        Assert.Equal("bea@example.test", await fixture.ScalarAsync<string>("SELECT counterparty_handle FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", id)));
        Assert.Equal("completed", await fixture.PaymentStatusAsync(placed.PaymentId));
    }
}
