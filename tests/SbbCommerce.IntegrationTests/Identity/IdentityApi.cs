using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.IntegrationTests.Identity;

/// <summary>Drives the Identity routes the way the storefront does.</summary>
internal static class IdentityApi
{
    public const string Password = "Sturdy-Password-42";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    public static object Registration(string email, string password = Password) => new
    {
        email,
        password,
        firstName = "Ada",
        lastName = "Lovelace",
        marketingConsent = true,
        smsConsent = false,
        utmSource = "tiktok",
        utmMedium = "social",
        utmCampaign = "viral-bpc",
        referrerUrl = "https://www.tiktok.com/@sbb",
        landingPage = "/products/bpc-157-5mg",
    };

    public static async Task<JsonElement> RegisterAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", Registration(email, password));
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    public static async Task<Session> SignInAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.LoginAsync(email, password);
        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Session(
            body.GetProperty("accessToken").GetString()!,
            body.GetProperty("refreshToken").GetString()!,
            body.GetProperty("user").GetProperty("id").GetGuid());
    }

    /// <summary>Registers and signs in a fresh customer.</summary>
    public static async Task<(string Email, Session Session)> NewCustomerAsync(this HttpClient client)
    {
        var email = NewEmail();
        await client.RegisterAsync(email);
        return (email, await client.SignInAsync(email));
    }

    public static HttpClient Authorized(this ApiFixture fixture, Session session) => fixture.CreateClient().WithBearer(session.AccessToken);

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    /// <summary>The token the mailer would put in the newest message of this template to this user.</summary>
    public static async Task<string> TokenFromOutboxAsync(this ApiFixture fixture, Guid userId, string template, string purpose)
    {
        var tokenId = await fixture.ScalarAsync<Guid>(
            "SELECT (payload->>'tokenId')::uuid FROM webhooks_outbox WHERE entity_id = @id AND event_type = @template ORDER BY created_at DESC LIMIT 1",
            ("id", userId), ("template", template));
        await using var scope = fixture.CreateScope();
        return scope.ServiceProvider.GetRequiredService<UserTokenService>().TokenFor(tokenId, purpose);
    }
}

/// <summary>Tokens of a signed-in user.</summary>
internal sealed record Session(string AccessToken, string RefreshToken, Guid UserId);
