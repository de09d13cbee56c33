using SbbCommerce.IntegrationTests.Integration.Inbox;

namespace SbbCommerce.IntegrationTests.Integration.ListWebhookInbox;

/// <summary>The inbox list for operators, paged like the outbox list.</summary>
public sealed class ListWebhookInboxTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_three_stored_webhooks_When_an_admin_lists_two_per_page_Then_the_cursor_leads_to_the_oldest_and_no_further()
    {
        var source = $"msg_{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
        {
            (await fixture.PostErpAsync("""{"type":"test.unhandled","data":{}}""", $"{source}-{i}")).EnsureSuccessStatusCode();
            fixture.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/webhooks/inbox?source=epicor_propello&limit=2");
        var second = await Admin().GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/webhooks/inbox?source=epicor_propello&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        Assert.Equal([$"{source}-2", $"{source}-1"], first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("providerEventId").GetString()));
        Assert.Equal($"{source}-0", second.GetProperty("items").EnumerateArray().Single().GetProperty("providerEventId").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.False(first.GetProperty("items")[0].TryGetProperty("payload", out var payload) && payload.ValueKind != JsonValueKind.Null, "payload only in the detail");
    }

    [Fact]
    public async Task Given_an_unknown_status_When_an_admin_lists_the_inbox_Then_400_validation_failed()
    {
        var response = await Admin().GetAsync("/api/v1/admin/webhooks/inbox?status=lost");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());
}
