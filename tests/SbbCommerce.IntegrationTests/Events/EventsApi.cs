namespace SbbCommerce.IntegrationTests.Events;

/// <summary>Drives POST /events the way the storefront does.</summary>
internal static class EventsApi
{
    public static object PageView(string sessionId, string? anonymousId = null) => new
    {
        eventName = "page.view",
        eventCategory = "page",
        sessionId,
        anonymousId,
        pageUrl = "https://shop.example/products/bpc-157-5mg?utm_source=tiktok",
        utmSource = "tiktok",
        properties = new { scroll = 10 },
    };

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, object body, bool sync = true) =>
        client.PostAsJsonAsync(sync ? "/api/v1/events?sync=true" : "/api/v1/events", body);

    public static async Task<JsonElement> AcceptedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.Accepted == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static HttpClient Visitor(this ApiFixture fixture, string anonymousId)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Anonymous-Id", anonymousId);
        return client;
    }

    public static Task<long> CountAsync(this ApiFixture fixture, string sessionId) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE session_id = @session", ("session", sessionId));

    public static string NewSession() => $"s-{Guid.NewGuid():N}";
}
