using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Inventory;

internal static class DiscrepanciesEndpoint
{
    public static RouteHandlerBuilder MapInventoryDiscrepancies(this RouteGroupBuilder admin) =>
        admin.MapGet("/inventory/discrepancies", ListAsync).WithName("AdminInventoryDiscrepancies")
            .WithSummary("ERP counts that fell below reserved stock (product, counted, reserved, applied, when), newest first; keyset pages.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<DiscrepancyResponse>>, ValidationProblem>> ListAsync(
        SbbDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var rows = await db.Set<InventoryDiscrepancy>().AsNoTracking().Page(page, after, d => d.CreatedAt, d => d.Id)
            .Join(db.Set<Product>(), d => d.ProductId, p => p.Id, (d, p) => new DiscrepancyResponse(
                d.Id, d.ProductId, d.Sku, p.Name, d.Counted, d.Reserved, d.Applied, d.CountedAt, d.Source, d.CreatedAt))
            .ToListAsync(cancellationToken);
        rows = rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToList();
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, r => r, r => new CreatedIdCursor(r.CreatedAt, r.Id)));
    }
}

/// <summary>A count below reserved stock: what the ERP counted, what was reserved, what was applied.</summary>
internal sealed record DiscrepancyResponse(
    Guid Id, Guid ProductId, string Sku, string ProductName, int Counted, int Reserved, int Applied, DateTimeOffset CountedAt, string Source,
    DateTimeOffset CreatedAt);
