using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin.DeactivateDiscount;

internal static class DeactivateDiscountEndpoint
{
    public static RouteHandlerBuilder MapDeactivateDiscount(this RouteGroupBuilder discounts) =>
        discounts.MapDelete("/{id:guid}", HandleAsync).WithName("AdminDeleteDiscount").WithSummary("Switch a code off (kept for order history).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var discount = await db.Set<Discount>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (discount is null)
        {
            return DiscountRules.NotFound();
        }

        audit.Record("discount.deactivated", "discount", discount.Id, new { discount.IsActive }, new { IsActive = false });
        discount.IsActive = false;
        discount.UpdatedAt = timeProvider.GetDatabaseNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
