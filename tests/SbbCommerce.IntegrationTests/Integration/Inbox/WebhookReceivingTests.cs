using System.Security.Cryptography;

namespace SbbCommerce.IntegrationTests.Integration.Inbox;

/// <summary>Receiving: verified as each provider signs, stored before processing, a provider's retry stored once.</summary>
public sealed class WebhookReceivingTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_a_correctly_signed_ERP_event_When_posted_Then_it_is_stored_pending_with_its_event_id()
    {
        var id = $"msg_{Guid.NewGuid():N}";

        var response = await fixture.PostErpAsync("""{"type":"test.flaky","data":{}}""", id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", await fixture.ScalarAsync<string>("SELECT status FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)));
        Assert.True(await fixture.ScalarAsync<bool>("SELECT signature_valid FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)));
    }

    [Theory]
    [InlineData("wrong key")]
    [InlineData("stale timestamp")]
    public async Task Given_a_badly_signed_ERP_event_When_posted_Then_401_and_it_is_stored_skipped_and_never_processed(string fault)
    {
        var marker = Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(new { type = "test.flaky", data = new { marker } });
        var response = fault == "wrong key"
            ? await fixture.PostErpAsync(body, key: RandomNumberGenerator.GetBytes(32))
            : await fixture.PostErpAsync(body, at: fixture.Factory.Time.GetUtcNow().AddMinutes(-6));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        var calls = fixture.Flaky.Calls;
        await fixture.ProcessInboxAsync();
        Assert.Equal("skipped", await fixture.ScalarAsync<string>(
            "SELECT status FROM webhooks_inbox WHERE payload->'data'->>'marker' = @m AND signature_valid = false", ("m", marker)));
        Assert.Equal(calls, fixture.Flaky.Calls);
    }

    [Fact]
    public async Task Given_a_json_body_with_a_number_jsonb_cannot_hold_When_posted_Then_it_is_still_stored_wrapped()
    {
        // 1e131072 overflows jsonb's numeric: stored as JSON the insert would fail, and the delivery with it.
        var marker = Guid.NewGuid().ToString("N");
        var body = "{\"type\":\"test.flaky\",\"data\":{\"marker\":\"" + marker + "\",\"value\":1e131072}}";

        var response = await fixture.PostErpAsync(body, key: RandomNumberGenerator.GetBytes(32));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_inbox WHERE convert_from(decode(payload->>'base64', 'base64'), 'UTF8') LIKE '%' || @m || '%'",
            ("m", marker)));
    }

    [Fact]
    public async Task Given_missing_signature_headers_When_posted_Then_401_invalid_signature()
    {
        var response = await fixture.CreateClient().PostAsync("/api/v1/webhooks/epicor_propello",
            new StringContent("""{"type":"inventory.updated"}""", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
    }

    [Fact]
    public async Task Given_the_same_event_delivered_five_times_at_once_When_stored_Then_one_row_exists_and_every_delivery_gets_200()
    {
        var id = $"msg_{Guid.NewGuid():N}";
        var body = """{"type":"test.flaky","data":{}}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.PostErpAsync(body, id)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)));
        var duplicates = 0;
        foreach (var response in responses)
        {
            duplicates += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean() ? 1 : 0;
        }

        Assert.Equal(4, duplicates);
    }

    [Fact]
    public async Task Given_Mailgun_and_Shippo_deliveries_When_signed_as_they_sign_Then_both_are_stored_with_their_event_ids()
    {
        var timestamp = fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = Guid.NewGuid().ToString("N");
        var mailgunSignature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookFixture.MailgunKey), Encoding.UTF8.GetBytes(timestamp + token)));
        var eventId = Guid.NewGuid().ToString("N");
        var mailgun = await fixture.CreateClient().PostAsJsonAsync("/api/v1/webhooks/mailgun", new Dictionary<string, object>
        {
            ["signature"] = new { timestamp, token, signature = mailgunSignature },
            ["event-data"] = new { id = eventId, @event = "failed", severity = "permanent", recipient = "gone@example.test" },
        });
        var tracking = Guid.NewGuid().ToString("N");
        var shippo = await fixture.CreateClient().PostAsJsonAsync($"/api/v1/webhooks/shippo?token={WebhookFixture.ShippoToken}",
            new { @event = "track_updated", data = new { object_id = tracking, tracking_status = new { status = "TRANSIT", status_date = "2026-11-30T10:00:00Z" } } });
        var forged = await fixture.CreateClient().PostAsJsonAsync("/api/v1/webhooks/shippo?token=guess", new { @event = "track_updated" });

        Assert.Equal(HttpStatusCode.OK, mailgun.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shippo.StatusCode);
        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_signature");
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_inbox WHERE source = 'mailgun' AND provider_event_id = @id", ("id", eventId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_inbox WHERE source = 'shippo' AND provider_event_id LIKE @id", ("id", tracking + "|track_updated|%")));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_inbox WHERE headers::text LIKE '%' || @t || '%'", ("t", WebhookFixture.ShippoToken)));
    }

    [Fact]
    public async Task Given_an_unknown_source_or_an_oversized_body_When_posted_Then_404_or_413()
    {
        var unknown = await fixture.CreateClient().PostAsJsonAsync("/api/v1/webhooks/stripe", new { type = "x" });
        var oversized = await fixture.PostErpAsync($$"""{"type":"test.flaky","pad":"{{new string('x', 70_000)}}"}""");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "webhook_source_unknown");
        await oversized.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }
}
