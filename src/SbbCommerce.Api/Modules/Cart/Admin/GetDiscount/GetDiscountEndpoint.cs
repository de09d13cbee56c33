using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin.GetDiscount;

internal static class GetDiscountEndpoint
{
    public static RouteHandlerBuilder MapGetDiscount(this RouteGroupBuilder discounts) =>
        discounts.MapGet("/{id:guid}", HandleAsync).WithName("AdminGetDiscount").WithSummary("One discount code.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DiscountResponse>, ProblemHttpResult>> HandleAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<Discount>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } discount
            ? TypedResults.Ok(DiscountResponse.From(discount))
            : DiscountRules.NotFound();
}
