using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Data;

/// <summary>A row of <c>payment_methods</c>.</summary>
internal sealed class PaymentMethod : RowVersioned
{
    public Guid Id { get; set; }
    public PaymentMethodType MethodType { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsManual { get; set; } = true;
    public required string Instructions { get; set; }
    public required string PaymentDetails { get; set; }
    public int? MinAmountCents { get; set; }
    public int? MaxAmountCents { get; set; }
    public int? ConfirmationWindowHours { get; set; } = 48;
    public int SortOrder { get; set; }
    public string? IconUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
