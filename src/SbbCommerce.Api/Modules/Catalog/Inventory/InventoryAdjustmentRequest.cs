namespace SbbCommerce.Api.Modules.Catalog.Inventory;

/// <summary>A manual change of the stock on hand (a count, a breakage, a delivery), kept in the audit log.</summary>
/// <param name="Delta">Units added (positive) or removed (negative); not 0.</param>
/// <param name="Reason">Why, for the audit log (1 to 500 characters).</param>
internal sealed record InventoryAdjustmentRequest(int Delta, string Reason);

internal sealed class InventoryAdjustmentRequestValidator : AbstractValidator<InventoryAdjustmentRequest>
{
    public const int MaxDelta = 1_000_000;

    public InventoryAdjustmentRequestValidator()
    {
        RuleFor(request => request.Delta).NotEqual(0).InclusiveBetween(-MaxDelta, MaxDelta);
        RuleFor(request => request.Reason).NotEmpty().MaximumLength(500)
            .Must(reason => reason is null || reason.Trim().Length > 0).WithMessage("Reason must not be blank.");
    }
}

/// <summary>The product's stock after an adjustment.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="QuantityOnHand">Units on the shelf now.</param>
/// <param name="QuantityReserved">Units reserved by orders.</param>
/// <param name="QuantityAvailable">On hand - reserved.</param>
internal sealed record InventoryLevelResponse(Guid ProductId, int QuantityOnHand, int QuantityReserved, int QuantityAvailable);
