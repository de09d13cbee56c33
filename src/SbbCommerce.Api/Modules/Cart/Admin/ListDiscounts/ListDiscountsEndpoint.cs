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

        return TypedResults.Ok(await db.Set<Discount>().AsNoTracking()
            .ToPageAsync(page, after, d => d.CreatedAt, d => d.Id, DiscountResponse.From, cancellationToken));
    }
}
