using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.IntegrationTests.Identity.Login;

namespace SbbCommerce.IntegrationTests.Identity.OAuth;

/// <summary>A host whose Google and Apple are two local fake OpenID providers over plain HTTP.</summary>
public sealed class OAuthFixture : ApiFixture, IAsyncLifetime
{
    public const string GoogleClientId = "google-web-client";
    public const string AppleClientId = "com.sciencebasedbody.web";

    internal FakeOpenIdProvider Google { get; private set; } = null!;
    internal FakeOpenIdProvider Apple { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Google:ClientIds:0"] = "google-ios-client",
        ["Auth:Google:ClientIds:1"] = GoogleClientId,
        ["Auth:Google:MetadataAddress"] = Google.MetadataAddress,
        ["Auth:Google:RequireHttpsMetadata"] = "false",
        ["Auth:Apple:ClientIds:0"] = AppleClientId,
        ["Auth:Apple:MetadataAddress"] = Apple.MetadataAddress,
        ["Auth:Apple:RequireHttpsMetadata"] = "false",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<INotificationHandler<UserLoggedIn>, RecordingLoginHandler>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        Google = await FakeOpenIdProvider.StartAsync();
        Apple = await FakeOpenIdProvider.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Google.DisposeAsync();
        await Apple.DisposeAsync();
    }

    internal string GoogleToken(IdTokenClaims claims) => Google.IdToken(claims, Now);

    internal string AppleToken(IdTokenClaims claims) => Apple.IdToken(claims with { EmailVerifiedAsString = true }, Now, ecdsa: true);

    public Task<HttpResponseMessage> PostAsync(string provider, object body, string? anonymousId = null)
    {
        var client = CreateClient();
        if (anonymousId is not null)
        {
            client.DefaultRequestHeaders.Add("X-Anonymous-Id", anonymousId);
        }

        return client.PostAsJsonAsync($"/api/v1/auth/oauth/{provider}", body);
    }

    public static async Task<(Guid UserId, string AccessToken, JsonElement User)> SignedInAsync(HttpResponseMessage response)
    {
        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var user = body.GetProperty("user");
        return (user.GetProperty("id").GetGuid(), body.GetProperty("accessToken").GetString()!, user);
    }

    public static string NewSubject() => Guid.NewGuid().ToString("N");
}
