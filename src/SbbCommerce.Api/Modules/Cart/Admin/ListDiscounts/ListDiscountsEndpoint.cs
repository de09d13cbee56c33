using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin.ListDiscounts;

internal static class ListDiscountsEndpoint
{
    public static RouteHandlerBuilder MapListDiscounts(this RouteGroupBuilder discounts) =>
        discounts.MapGet("", HandleAsync).WithName("AdminListDiscounts").WithSummary("Discount codes, newest first (keyset pages).")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<DiscountResponse>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<Discount>().AsNoTracking();
        if (after is not null)
        {
            query = query.Where(d => d.CreatedAt < after.CreatedAt || (d.CreatedAt == after.CreatedAt && d.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, DiscountResponse.From, d => new CreatedIdCursor(d.CreatedAt, d.Id)));
    }
}
