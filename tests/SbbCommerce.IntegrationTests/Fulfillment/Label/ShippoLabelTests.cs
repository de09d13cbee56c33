using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SbbCommerce.IntegrationTests.Fulfillment.Label;

/// <summary>A host whose Shippo is a WireMock server on a local port (real HTTP, real resilience handler).</summary>
public sealed class ShippoFixture : ApiFixture, IAsyncLifetime
{
    public const string Token = "shippo_test_token";

    public WireMockServer Shippo { get; } = WireMockServer.Start();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shipping:Shippo:BaseUrl"] = Shippo.Urls[0],
        ["Shipping:Shippo:Token"] = Token,
        ["Shipping:FromAddress:Name"] = "Science Based Body",
        ["Shipping:FromAddress:Street1"] = "100 Lab Way",
        ["Shipping:FromAddress:City"] = "Austin",
        ["Shipping:FromAddress:State"] = "TX",
        ["Shipping:FromAddress:Zip"] = "78701",
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Shippo.Stop();
        Shippo.Dispose();
    }
}

public sealed class ShippoLabelTests(ShippoFixture fixture) : IClassFixture<ShippoFixture>
{
    private static readonly object Rates = new
    {
        object_id = "shp_1",
        rates = new object[]
        {
            new { object_id = "rate_priority", provider = "USPS", servicelevel = new { name = "Priority Mail", token = "usps_priority" }, amount = "9.35", currency = "USD" },
            new { object_id = "rate_ground", provider = "USPS", servicelevel = new { name = "Ground Advantage", token = "usps_ground_advantage" }, amount = "5.10", currency = "USD" },
        },
    };

    private static readonly object Bought = new
    {
        object_id = "txn_1",
        status = "SUCCESS",
        tracking_number = "9400111899223344556677",
        tracking_url_provider = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677",
        label_url = "https://shippo-delivery.example/label_1.pdf",
        rate = "rate_ground",
    };

    private void Answer(string path, int status, object body, string? scenario = null, string? fromState = null, string? toState = null)
    {
        var request = fixture.Shippo.Given(Request.Create().WithPath(path).UsingPost().WithHeader("Authorization", $"ShippoToken {ShippoFixture.Token}"));
        if (scenario is not null)
        {
            request = fromState is null ? request.InScenario(scenario).WillSetStateTo(toState!) : request.InScenario(scenario).WhenStateIs(fromState);
        }

        request.RespondWith(Response.Create().WithStatusCode(status).WithBodyAsJson(body));
    }

    private async Task<(PaidOrder Order, Guid Fulfillment)> PackedAsync()
    {
        fixture.Shippo.Reset();
        var product = await fixture.ProductAsync(onHand: 10);
        await fixture.ExecuteAsync("UPDATE products SET weight_grams = 30 WHERE id = @id", ("id", product));
        await fixture.LotAsync(product, "SHIP", expiresInDays: 100, quantity: 10);
        var paid = await fixture.PaidOrderAsync(product, 2);
        var created = await (await fixture.Admin().FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 2 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (paid, created.Id());
    }

    private int Calls(string path) => fixture.Shippo.LogEntries.Count(e => e.RequestMessage.Path == path);

    [Fact]
    public async Task Given_Shippo_When_buying_a_label_Then_the_cheapest_rate_of_the_level_is_bought_and_shipping_uses_its_tracking()
    {
        var (paid, fulfillment) = await PackedAsync();
        Answer("/shipments", 201, Rates);
        Answer("/transactions", 201, Bought);
        var admin = fixture.Admin();

        var labelled = await (await admin.PostAsync($"/api/v1/admin/fulfillments/{fulfillment}/label", null)).ReadJsonAsync(HttpStatusCode.OK);
        var shipped = await (await admin.PostAsJsonAsync($"/api/v1/admin/fulfillments/{fulfillment}/ship", new { })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("https://shippo-delivery.example/label_1.pdf", labelled.Str("labelUrl"));
        Assert.Equal(510, labelled.Int("shippingCostCents"));
        Assert.Equal("usps", labelled.Str("carrier"));
        Assert.Equal("usps_ground_advantage", labelled.Str("serviceLevel"));
        Assert.Equal("9400111899223344556677", shipped.Str("trackingNumber"));
        Assert.Equal("fulfilled", shipped.Str("status"));
        var shipment = JsonDocument.Parse(fixture.Shippo.LogEntries.Single(e => e.RequestMessage.Path == "/shipments").RequestMessage.Body!).RootElement;
        Assert.Equal("1 Main St", shipment.GetProperty("address_to").GetProperty("street1").GetString());
        Assert.Equal("100 Lab Way", shipment.GetProperty("address_from").GetProperty("street1").GetString());
        Assert.Equal("60", shipment.GetProperty("parcels")[0].GetProperty("weight").GetString());
        var purchase = JsonDocument.Parse(fixture.Shippo.LogEntries.Single(e => e.RequestMessage.Path == "/transactions").RequestMessage.Body!).RootElement;
        Assert.Equal("rate_ground", purchase.GetProperty("rate").GetString());
        var erp = await fixture.OutboxPayloadAsync("shipment.created", "order", paid.OrderId);
        Assert.Equal(510, erp.GetProperty("shippingCostCents").GetInt32());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'fulfillment.label_bought'", ("id", fulfillment)));
    }

    [Fact]
    public async Task Given_Shippo_failing_once_with_503_When_buying_a_label_Then_the_retry_succeeds()
    {
        var (_, fulfillment) = await PackedAsync();
        Answer("/shipments", 503, new { detail = "busy" }, scenario: "flaky", toState: "up");
        Answer("/shipments", 201, Rates, scenario: "flaky", fromState: "up");
        Answer("/transactions", 201, Bought);

        var labelled = await (await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/fulfillments/{fulfillment}/label", new { rateId = "rate_priority" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, Calls("/shipments"));
        Assert.Equal(935, labelled.Int("shippingCostCents"));
        Assert.Equal("rate_priority", JsonDocument.Parse(fixture.Shippo.LogEntries.Single(e => e.RequestMessage.Path == "/transactions").RequestMessage.Body!)
            .RootElement.GetProperty("rate").GetString());
    }

    [Fact]
    public async Task Given_Shippo_refusing_the_address_with_400_When_buying_a_label_Then_422_provider_rejected_without_retry_and_nothing_is_saved()
    {
        var (_, fulfillment) = await PackedAsync();
        Answer("/shipments", 400, new { address_to = new[] { "The address is invalid." } });

        var response = await fixture.Admin().PostAsync($"/api/v1/admin/fulfillments/{fulfillment}/label", null);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "provider_rejected");
        Assert.Equal(1, Calls("/shipments"));
        Assert.Equal(0, Calls("/transactions"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM fulfillments WHERE id = @id AND shippo_label_url IS NOT NULL", ("id", fulfillment)));
    }

    [Fact]
    public async Task Given_Shippo_down_When_buying_a_label_Then_502_provider_unavailable_after_the_retries()
    {
        var (_, fulfillment) = await PackedAsync();
        Answer("/shipments", 500, new { detail = "down" });

        var response = await fixture.Admin().PostAsync($"/api/v1/admin/fulfillments/{fulfillment}/label", null);

        await response.AssertProblemAsync(HttpStatusCode.BadGateway, "provider_unavailable");
        Assert.Equal(3, Calls("/shipments"));
    }

    [Fact]
    public async Task Given_an_unknown_rate_When_buying_a_label_Then_422_rate_unavailable()
    {
        var (_, fulfillment) = await PackedAsync();
        Answer("/shipments", 201, Rates);

        var response = await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/fulfillments/{fulfillment}/label", new { rateId = "rate_nope" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "rate_unavailable");
        Assert.Equal(0, Calls("/transactions"));
    }
}
