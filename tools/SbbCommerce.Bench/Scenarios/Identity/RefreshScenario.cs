using System.Net.Http.Json;
using System.Text.Json;

namespace SbbCommerce.Bench.Scenarios.Identity;

/// <summary>
/// POST /auth/refresh: each worker owns one session and rotates its refresh token on every request (the answer's
/// new token is used next), exactly as a storefront keeps a session alive.
/// </summary>
internal sealed class RefreshScenario : ScenarioBase
{
    private string[] _tokens = [];

    public override string Name => "refresh";

    public override string Description => "POST /api/v1/auth/refresh, one rotating session per worker (host: RateLimiting__Enabled=false).";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var workers = context.Options.Concurrency;
        var emails = await BenchAccounts.RegisterAsync(context, workers, cancellationToken);
        _tokens = new string[workers];
        for (var i = 0; i < workers; i++)
        {
            _tokens[i] = await BenchAccounts.LoginAsync(context, emails[i], cancellationToken);
        }

        Target = new Uri(context.ApiBaseUrl, "api/v1/auth/refresh");
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => new(HttpMethod.Post, Target)
    {
        Content = JsonContent.Create(new { refreshToken = _tokens[workerIndex] }),
    };

    public override async ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _tokens[workerIndex] = body.GetProperty("refreshToken").GetString()!;
        }
    }
}
