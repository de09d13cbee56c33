using SbbCommerce.IntegrationTests.Fulfillment;

namespace SbbCommerce.IntegrationTests.Integration.Inbox;

/// <summary>Carrier tracking from Shippo lands on the fulfilment; a delivery report delivers the order; late reports are skipped.</summary>
public sealed class ShippoTrackingTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_a_shipped_order_When_Shippo_reports_transit_then_an_older_status_then_delivery_Then_history_and_order_follow_in_carrier_time()
    {
        var product = await fixture.ProductAsync(onHand: 10);
        await fixture.LotAsync(product, "TRK", expiresInDays: 365, quantity: 10);
        var paid = await fixture.PaidOrderAsync(product, 1);
        var admin = fixture.Admin();
        var created = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1 })).ReadJsonAsync(HttpStatusCode.Created);
        var tracking = $"9400{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        (await admin.ShipAsync(created.Id(), tracking)).EnsureSuccessStatusCode();
        var t0 = fixture.Factory.Time.GetUtcNow();

        (await PostTrackingAsync(tracking, "TRANSIT", t0.AddHours(1))).EnsureSuccessStatusCode();
        (await PostTrackingAsync(tracking, "PRE_TRANSIT", t0.AddMinutes(30))).EnsureSuccessStatusCode();
        await fixture.ProcessInboxAsync();

        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM fulfillment_status_history WHERE fulfillment_id = @id AND carrier_status = 'TRANSIT'", ("id", created.Id())));
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM fulfillment_status_history WHERE fulfillment_id = @id AND carrier_status = 'PRE_TRANSIT'", ("id", created.Id())));

        (await PostTrackingAsync(tracking, "DELIVERED", t0.AddDays(2))).EnsureSuccessStatusCode();
        await fixture.ProcessInboxAsync();

        Assert.Equal("delivered", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", paid.OrderId)));
        Assert.True(await fixture.ScalarAsync<bool>("SELECT delivered_at IS NOT NULL FROM fulfillments WHERE id = @id", ("id", created.Id())));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE event_type = 'fulfillment.delivered' AND entity_id = @id", ("id", created.Id())));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.DeliverAsync(created.Id())).StatusCode);
    }

    private Task<HttpResponseMessage> PostTrackingAsync(string trackingNumber, string status, DateTimeOffset at) =>
        fixture.CreateClient().PostAsJsonAsync($"/api/v1/webhooks/shippo?token={WebhookFixture.ShippoToken}", new
        {
            @event = "track_updated",
            data = new
            {
                object_id = $"track_{trackingNumber}",
                tracking_number = trackingNumber,
                carrier = "usps",
                tracking_status = new
                {
                    status,
                    status_details = $"Your package is {status.ToLowerInvariant()}",
                    status_date = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                    location = new { city = "Austin", state = "TX", zip = "73301", country = "US" },
                },
            },
        });
}
