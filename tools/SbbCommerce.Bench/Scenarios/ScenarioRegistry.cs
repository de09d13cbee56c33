namespace SbbCommerce.Bench.Scenarios;

/// <summary>The scenarios the command line knows. Adding one is a class and one line here.</summary>
internal static class ScenarioRegistry
{
    public const string BaselineName = "baseline";

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
        ["flash-sale"] = () => new Orders.FlashSaleScenario(),
        ["verify-queue"] = () => new Payments.VerifyQueueScenario(),
        ["events-ingest"] = () => new Events.EventsIngestScenario(),
        ["events-reports"] = () => new Events.EventsReportsScenario(),
        ["outbox-drain"] = () => new Integration.OutboxDrainScenario(),
        ["webhook-ingest"] = () => new Webhooks.WebhookIngestScenario(),
    };

    public static IEnumerable<string> Names => Factories.Keys;

    public static bool Contains(string name) => Factories.ContainsKey(name);

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
