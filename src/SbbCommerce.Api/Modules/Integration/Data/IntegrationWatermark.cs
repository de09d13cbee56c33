namespace SbbCommerce.Api.Modules.Integration.Data;

/// <summary>A row of <c>integration_watermarks</c>: how far an incremental pull has read.</summary>
internal sealed class IntegrationWatermark
{
    public required string Name { get; set; }
    public DateTimeOffset Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
