namespace SbbCommerce.Api.Modules.Events.Data;

/// <summary>A row of <c>event_product_days</c>: product.view and cart.add events of one product on one UTC day.</summary>
internal sealed class EventProductDay
{
    public DateOnly Day { get; set; }
    public Guid ProductId { get; set; }
    public long Views { get; set; }
    public long Adds { get; set; }
}
