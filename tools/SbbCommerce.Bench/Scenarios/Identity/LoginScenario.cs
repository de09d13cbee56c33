using System.Net.Http.Json;

namespace SbbCommerce.Bench.Scenarios.Identity;

/// <summary>
/// POST /auth/login with the right password, spread over a pool of customers registered in set-up. Bounded by
/// the password hash (PBKDF2-HMAC-SHA256, 600,000 iterations): this measures what a login burst costs.
/// </summary>
internal sealed class LoginScenario : ScenarioBase
{
    private const int Accounts = 64;
    private List<string> _emails = [];

    public override string Name => "login";

    public override string Description => "POST /api/v1/auth/login for customers registered in set-up (host: RateLimiting__Enabled=false).";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        _emails = await BenchAccounts.RegisterAsync(context, Accounts, cancellationToken);
        Target = new Uri(context.ApiBaseUrl, "api/v1/auth/login");
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => new(HttpMethod.Post, Target)
    {
        Content = JsonContent.Create(new { email = _emails[(int)((workerIndex + iteration) % _emails.Count)], password = BenchAccounts.Password }),
    };
}
