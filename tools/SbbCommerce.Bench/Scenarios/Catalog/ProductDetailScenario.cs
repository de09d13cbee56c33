namespace SbbCommerce.Bench.Scenarios.Catalog;

/// <summary>
/// The viral case: every visitor opens the same product page, GET /products/bpc-157-5mg (a product of the
/// development seed), anonymous, so the host's read cache answers nearly all of it.
/// </summary>
internal sealed class ProductDetailScenario : ScenarioBase
{
    private const string Slug = "bpc-157-5mg";

    public override string Name => "product-detail";

    public override string Description => $"GET /api/v1/products/{Slug}, one seeded product for everyone (the viral page), anonymous.";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        Target = new Uri(context.ApiBaseUrl, $"api/v1/products/{Slug}");
        using var response = await context.Http.GetAsync(Target, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"GET {Target} answered {(int)response.StatusCode} (is the development seed applied? the host seeds at start in Development): {System.Text.Encoding.UTF8.GetString(body)}");
        }

        context.Figures.Set("slug", Slug);
        context.Figures.Set("bodyBytes", body.Length);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => new(HttpMethod.Get, Target);
}
