using SbbCommerce.Api.Common.Slices;
using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin.UpdateDiscount;

internal static class UpdateDiscountEndpoint
{
    public static RouteHandlerBuilder MapUpdateDiscount(this RouteGroupBuilder discounts) =>
        discounts.MapPut("/{id:guid}", HandleAsync).WithName("AdminUpdateDiscount").WithSummary("Replace a discount's rules.")
            .WithValidation<DiscountRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<DiscountResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, DiscountRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var discount = await db.Set<Discount>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (discount is null)
        {
            return DiscountRules.NotFound();
        }

        var before = DiscountResponse.From(discount);
        discount.Code = request.Code.ToUpperInvariant();
        discount.Name = request.Name;
        discount.DiscountType = request.DiscountType;
        DiscountRules.Apply(discount, request, timeProvider.GetDatabaseNow());
        audit.Record("discount.updated", "discount", discount.Id, before, DiscountResponse.From(discount));
        return await db.TrySaveUniqueAsync(DiscountRules.CodeUniqueConstraint, cancellationToken)
            ? TypedResults.Ok(DiscountResponse.From(discount))
            : DiscountRules.CodeTaken();
    }
}
