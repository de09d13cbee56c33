using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Diagnostics;

/// <summary>
/// Test-only routes over the inventory service (the <c>reserve-hot</c> bench scenario, race tests). Mapped only in
/// Development and Testing, never in Staging or Production: anyone may call them.
/// </summary>
internal static class InventoryDiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapInventoryDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/_diagnostics/inventory").WithTags("Diagnostics").ExcludeFromDescription();
        group.MapPost("/reserve", (StockRequest request, IInventoryService inventory, CancellationToken cancellationToken) =>
                AnswerAsync(inventory.ReserveAsync(request.ToLines(), cancellationToken)))
            .WithValidation<StockRequest>();
        group.MapPost("/release", (StockRequest request, IInventoryService inventory, CancellationToken cancellationToken) =>
                AnswerAsync(inventory.ReleaseAsync(request.ToLines(), cancellationToken)))
            .WithValidation<StockRequest>();
        return endpoints;
    }

    private static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> AnswerAsync(Task<InventoryResult> operation)
    {
        var result = await operation;
        return result.Succeeded
            ? TypedResults.Ok(new StockResponse(true))
            : ApiProblems.Unprocessable(CatalogErrors.InsufficientStock, "Not enough units.", extensions:
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["shortages"] = result.Shortages });
    }
}

/// <summary>Lines to reserve or release.</summary>
/// <param name="Lines">1 to 100 lines.</param>
internal sealed record StockRequest(IReadOnlyList<StockRequestLine> Lines)
{
    public IReadOnlyCollection<StockLine> ToLines() => Lines.Select(line => new StockLine(line.ProductId, line.Quantity)).ToList();
}

/// <summary>A product and a quantity.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">1 to 1000 units.</param>
internal sealed record StockRequestLine(Guid ProductId, int Quantity);

/// <summary>The operation was applied.</summary>
/// <param name="Applied">Always true (a refusal is a 422 problem).</param>
internal sealed record StockResponse(bool Applied);

internal sealed class StockRequestValidator : AbstractValidator<StockRequest>
{
    public StockRequestValidator()
    {
        RuleFor(request => request.Lines).NotEmpty().Must(lines => lines is null || lines.Count <= 100);
        RuleForEach(request => request.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 1000);
        });
    }
}
