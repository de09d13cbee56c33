namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>Without Erp:Propello:BaseUrl the ERP's messages wait, untouched, and readiness says why without failing.</summary>
public sealed class UnconfiguredErpTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_no_ERP_configuration_When_the_drain_runs_Then_ERP_messages_stay_pending_and_ready_reports_not_configured()
    {
        var user = await fixture.CreateClient().RegisterAsync(IdentityApi.NewEmail("noerp"));
        var userId = user.GetProperty("id").GetGuid();

        var pass = await fixture.DrainAsync();
        var ready = await fixture.CreateClient().GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(0, pass.Claimed);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'customer.upsert' AND status = 'pending' AND attempts = 0",
            ("id", userId)));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("not configured", body.GetProperty("checks").GetProperty("erp").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
