using SbbCommerce.Api.Modules.Fulfillment.Data;

namespace SbbCommerce.Api.Modules.Fulfillment;

/// <summary>Reads of the module's own tables that several slices share.</summary>
internal static class ShipmentStore
{
    /// <summary>The shipment's order id (no lock), so the order can be locked first: orders, then shipments, always.</summary>
    public static Task<Guid?> OrderOfAsync(SbbDbContext db, Guid fulfillmentId, CancellationToken cancellationToken) =>
        db.Set<Shipment>().AsNoTracking().Where(s => s.Id == fulfillmentId).Select(s => (Guid?)s.OrderId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The shipment, tracked, its row locked until the transaction ends.</summary>
    public static Task<Shipment> LockAsync(SbbDbContext db, Guid fulfillmentId, CancellationToken cancellationToken) =>
        db.Locking<Shipment>($"id = {fulfillmentId}").SingleAsync(cancellationToken);

    /// <summary>Units of each order line in the order's shipments that left (plus <paramref name="alsoCounting"/>, leaving now).</summary>
    public static async Task<Dictionary<Guid, int>> ShippedUnitsAsync(SbbDbContext db, Guid orderId, Guid alsoCounting, CancellationToken cancellationToken) =>
        await (from i in db.Set<ShipmentItem>()
               join s in db.Set<Shipment>() on i.FulfillmentId equals s.Id
               where s.OrderId == orderId && (s.ShippedAt != null || s.Id == alsoCounting)
               group i by i.OrderItemId into g
               select new { g.Key, Units = g.Sum(i => i.Quantity) })
            .ToDictionaryAsync(x => x.Key, x => x.Units, cancellationToken);
}
