using System.Net.Http.Json;
using System.Text.Json;

namespace SbbCommerce.Bench.Scenarios.Identity;

/// <summary>Customers created through the API for a run (the host must run with RateLimiting__Enabled=false).</summary>
internal static class BenchAccounts
{
    public const string Password = "Bench-Password-2026";

    public static async Task<List<string>> RegisterAsync(BenchContext context, int count, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var emails = Enumerable.Range(0, count).Select(i => $"bench-{run}-{i}@bench.local").ToList();
        var register = new Uri(context.ApiBaseUrl, "api/v1/auth/register");
        await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (email, ct) =>
        {
            using var response = await context.Http.PostAsJsonAsync(register, new
            {
                email,
                password = Password,
                firstName = "Bench",
                lastName = "Customer",
                marketingConsent = false,
                smsConsent = false,
            }, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Registering {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        context.Log($"registered {count} customers");
        return emails;
    }

    public static async Task<string> LoginAsync(BenchContext context, string email, CancellationToken cancellationToken)
    {
        using var response = await context.Http.PostAsJsonAsync(new Uri(context.ApiBaseUrl, "api/v1/auth/login"), new { email, password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("refreshToken").GetString()!;
    }
}
