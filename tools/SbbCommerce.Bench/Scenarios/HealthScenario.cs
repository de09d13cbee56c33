namespace SbbCommerce.Bench.Scenarios;

/// <summary>The cheapest request the API answers: the liveness probe, no database, no auth.</summary>
internal sealed class HealthScenario : ScenarioBase
{
    public override string Name => "health";

    public override string Description => "GET {url}/health/live against a running SbbCommerce host.";

    public override Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        Target = new Uri(context.ApiBaseUrl, "health/live");
        return Task.CompletedTask;
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => new(HttpMethod.Get, Target);
}
