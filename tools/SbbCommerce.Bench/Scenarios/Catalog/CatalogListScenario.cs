using System.Text.Json;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Catalog;

/// <summary>
/// The catalog's first page as an anonymous visitor sees it: GET /products?limit=50 (the anonymous read the host
/// caches). Set-up tops the catalog up to 50 active products when fewer exist (the development seed has 21), so the
/// page is always a full one.
/// </summary>
internal sealed class CatalogListScenario : ScenarioBase
{
    private const int PageSize = 50;

    public override string Name => "catalog-list";

    public override string Description => "GET /api/v1/products?limit=50, the first page, anonymous (set-up tops the catalog up to 50 active products).";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using (var count = context.Database.CreateCommand("SELECT count(*) FROM products WHERE status = 'active' AND deleted_at IS NULL"))
        {
            var active = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            var missing = (int)Math.Max(0, PageSize - active);
            if (missing > 0)
            {
                await BenchSeed.CreateProductsAsync(context, BenchSeed.NewRunId(), "cl", missing, 1_000, cancellationToken).ConfigureAwait(false);
                context.Log($"catalog-list: {active} active products; added {missing}");
            }

            context.Figures.Set("activeProducts", active + missing);
            context.Figures.Set("productsAdded", missing);
        }

        Target = new Uri(context.ApiBaseUrl, $"api/v1/products?limit={PageSize}");
        using var response = await context.Http.GetAsync(Target, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {Target} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        using var page = JsonDocument.Parse(body);
        context.Figures.Set("itemsOnPage", page.RootElement.GetProperty("items").GetArrayLength());
        context.Figures.Set("pageBytes", body.Length);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => new(HttpMethod.Get, Target);
}
