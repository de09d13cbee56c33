namespace SbbCommerce.Bench.Scenarios;

/// <summary>The scenarios the command line knows. Adding one is a class and one line here.</summary>
internal static class ScenarioRegistry
{
    public const string BaselineName = "baseline";

    /// <summary>Not a scenario: every scenario one after another, one summary table (docs/performance.md).</summary>
    public const string AllName = "all";

    private static readonly Dictionary<string, Func<IScenario>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["health"] = () => new HealthScenario(),
        [BaselineName] = () => new BaselineScenario(),
        ["login"] = () => new Identity.LoginScenario(),
        ["refresh"] = () => new Identity.RefreshScenario(),
        ["catalog-list"] = () => new Catalog.CatalogListScenario(),
        ["product-detail"] = () => new Catalog.ProductDetailScenario(),
        ["reserve-hot"] = () => new Catalog.ReserveHotScenario(),
        ["cart-add"] = () => new Cart.CartAddScenario(),
        ["checkout"] = () => new Orders.CheckoutScenario(),
        [Orders.CheckoutRawScenario.ScenarioName] = () => new Orders.CheckoutRawScenario(),
        ["flash-sale"] = () => new Orders.FlashSaleScenario(),
        ["verify-queue"] = () => new Payments.VerifyQueueScenario(),
        ["events-ingest"] = () => new Events.EventsIngestScenario(),
        ["events-reports"] = () => new Events.EventsReportsScenario(),
        [Events.CheckoutUnderIngestScenario.ScenarioName] = () => new Events.CheckoutUnderIngestScenario(),
        ["outbox-drain"] = () => new Integration.OutboxDrainScenario(),
        ["webhook-ingest"] = () => new Webhooks.WebhookIngestScenario(),
    };

    public static IEnumerable<string> Names => Factories.Keys;

    public static bool Contains(string name) => Factories.ContainsKey(name);

    /// <summary>
    /// The scenario measured after <paramref name="scenario"/> in the same run, its ceiling: checkout's is
    /// checkout-raw (the same statements in raw Npgsql), the others' the one-row read of <c>baseline</c>; null for
    /// the baselines themselves. Self-timed scenarios (outbox-drain) measure their own instead.
    /// </summary>
    public static string? BaselineOf(string scenario) => scenario.ToLowerInvariant() switch
    {
        BaselineName or Orders.CheckoutRawScenario.ScenarioName => null,
        "checkout" => Orders.CheckoutRawScenario.ScenarioName,
        _ => BaselineName,
    };

    public static IScenario Create(string name)
    {
        if (!Factories.TryGetValue(name, out var factory))
        {
            throw new KeyNotFoundException($"No scenario '{name}'. Known: {string.Join(", ", Names)}.");
        }

        var scenario = factory();

        // The registry key and the scenario's own name must agree, or the report would name a different workload.
        return string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase)
            ? scenario
            : throw new InvalidOperationException($"Registry key '{name}' creates scenario '{scenario.Name}'.");
    }
}
