using SbbCommerce.Api.Common.Slices;
using SbbCommerce.Api.Modules.Cart.Data;

namespace SbbCommerce.Api.Modules.Cart.Admin.CreateDiscount;

internal static class CreateDiscountEndpoint
{
    public static RouteHandlerBuilder MapCreateDiscount(this RouteGroupBuilder discounts) =>
        discounts.MapPost("", HandleAsync).WithName("AdminCreateDiscount").WithSummary("Create a discount code (409 when the code exists).")
            .WithValidation<DiscountRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<DiscountResponse>, ProblemHttpResult>> HandleAsync(
        DiscountRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        var discount = new Discount
        {
            Id = Guid.CreateVersion7(),
            Code = request.Code.ToUpperInvariant(),
            Name = request.Name,
            DiscountType = request.DiscountType,
            CreatedAt = now,
        };
        DiscountRules.Apply(discount, request, now);
        db.Set<Discount>().Add(discount);
        audit.Record("discount.created", "discount", discount.Id, null, DiscountResponse.From(discount));
        return await db.TrySaveUniqueAsync(DiscountRules.CodeUniqueConstraint, cancellationToken)
            ? TypedResults.Created($"/api/v1/admin/discounts/{discount.Id}", DiscountResponse.From(discount))
            : DiscountRules.CodeTaken();
    }
}
