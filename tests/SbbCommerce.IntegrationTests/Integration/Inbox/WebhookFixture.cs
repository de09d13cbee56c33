using System.Security.Cryptography;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Integration.Inbox;

namespace SbbCommerce.IntegrationTests.Integration.Inbox;

/// <summary>A host with all three webhook sources configured, and a flaky test handler to prove retries.</summary>
public class WebhookFixture : ApiFixture
{
    public static readonly byte[] ErpKey = RandomNumberGenerator.GetBytes(32);
    public const string MailgunKey = "mailgun-signing-key-for-tests";
    public const string ShippoToken = "shippo-token-for-tests";

    internal FlakyHandler Flaky { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:Sources:epicor_propello:Secret"] = "whsec_" + Convert.ToBase64String(ErpKey),
        ["Webhooks:Sources:mailgun:SigningKey"] = MailgunKey,
        ["Webhooks:Sources:shippo:Token"] = ShippoToken,
        ["Webhooks:MaxBodyBytes"] = "65536",
        ["Webhooks:MaxAttempts"] = "3",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInboundWebhookHandler>(Flaky);

    /// <summary>Posts an ERP event signed as Standard Webhooks signs (optionally with a wrong key or an old timestamp).</summary>
    public Task<HttpResponseMessage> PostErpAsync(string body, string? eventId = null, byte[]? key = null, DateTimeOffset? at = null)
    {
        var id = eventId ?? $"msg_{Guid.NewGuid():N}";
        var timestamp = (at ?? Factory.Time.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key ?? ErpKey, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/epicor_propello") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", $"v1,{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))} v1,{signature}");
        return CreateClient().SendAsync(request);
    }

    /// <summary>Processes due inbox rows until none is due.</summary>
    public async Task<int> ProcessInboxAsync()
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookInboxJob>().RunAsync(CancellationToken.None);
    }
}

/// <summary>Fails its first <see cref="FailuresLeft"/> calls, then succeeds: a handler with a passing problem.</summary>
internal sealed class FlakyHandler : IInboundWebhookHandler
{
    private int _calls;

    public int FailuresLeft { get; set; }

    public int Calls => _calls;

    public string Source => WebhookSources.EpicorPropello;

    public IReadOnlyCollection<string> EventTypes { get; } = ["test.flaky"];

    public Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("the downstream store is unavailable");
        }

        return Task.FromResult(new InboundOutcome("done"));
    }
}
