namespace SbbCommerce.Bench.Scenarios.Baseline;

/// <summary>The one row the baseline endpoint reads; both null when the table is empty.</summary>
internal sealed record PaymentMethodRow(Guid? Id, string? Name);
