namespace SbbCommerce.IntegrationTests.Identity.Login;

/// <summary>Access tokens that must not get in: 401 for bad tokens, 403 for the wrong role.</summary>
public sealed class TamperedTokenTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> BadTokens() => new()
    {
        { "wrong key", TestTokens.For("customer", SeededData.CustomerId, key: "an-attackers-own-signing-key-0123456789abcd") },
        { "expired", TestTokens.For("customer", SeededData.CustomerId, expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "wrong audience", TestTokens.For("customer", SeededData.CustomerId, audience: "someone-else") },
        { "wrong issuer", TestTokens.For("customer", SeededData.CustomerId, issuer: "evil") },
        { "alg none", UnsignedToken() },
        { "garbage", "not.a.jwt" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Given_a_tampered_token_When_calling_a_user_route_Then_401(string why, string token)
    {
        var response = await fixture.CreateClient().WithBearer(token).GetAsync("/api/v1/me");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
    }

    [Fact]
    public async Task Given_a_customer_token_When_calling_an_admin_route_Then_403()
    {
        var response = await fixture.CreateClient().WithBearer(fixture.CustomerToken()).GetAsync("/api/v1/admin/users");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Given_a_customer_token_with_role_rewritten_to_admin_When_calling_an_admin_route_Then_401()
    {
        var parts = fixture.CustomerToken().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("\"customer\"", "\"super_admin\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var response = await fixture.CreateClient().WithBearer(forged).GetAsync("/api/v1/admin/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string UnsignedToken()
    {
        var header = Base64UrlEncode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = Base64UrlEncode(Encoding.UTF8.GetBytes(
            $"{{\"sub\":\"{SeededData.AdminId}\",\"role\":\"super_admin\",\"iss\":\"sbbcommerce\",\"aud\":\"sbbcommerce-storefront\",\"exp\":{exp}}}"));
        return $"{header}.{payload}.";
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
