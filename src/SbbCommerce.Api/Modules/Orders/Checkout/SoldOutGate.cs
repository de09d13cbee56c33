using System.Collections.Concurrent;
using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.Api.Modules.Orders.Checkout;

/// <summary>
/// What this host learnt in the last moments: products a checkout found sold out. In a flash sale the other
/// thousand buyers are then refused after one light cart query instead of the whole checkout (pricing,
/// compliance reads, writes rolled back). The memory is short (<see cref="Memory"/>) and only ever refuses
/// sooner: after it fades the full checkout runs again and the database decides, so a restock or a cancelled
/// order sells at once. Per host; no host trusts it for anything else.
/// </summary>
internal sealed class SoldOutGate(TimeProvider timeProvider, SbbMetrics metrics)
{
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _soldOutUntil = new();

    // One signal per product some checkout waits on; fired (and dropped) when the product is marked sold out.
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _signals = new();

    public void MarkSoldOut(IEnumerable<Guid> productIds)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var until = timeProvider.GetUtcNow() + Memory;
        var any = false;
        foreach (var id in productIds)
        {
            _soldOutUntil[id] = until;

            // Not disposed: a waiter may still be linking to its token; without a timer it holds nothing to release.
            if (_signals.TryRemove(id, out var signal))
            {
                signal.Cancel();
            }

            any = true;
        }

        if (any)
        {
            metrics.SoldOutRefusal("stock"); // a checkout the database refused for a sold-out product
        }
    }

    /// <summary>Cancelled as soon as this host marks the product sold out (checkouts waiting their turn leave the queue).</summary>
    public CancellationToken SignalWhenSoldOut(Guid productId) => _signals.GetOrAdd(productId, static _ => new CancellationTokenSource()).Token;

    /// <summary>The products among <paramref name="productIds"/> recently found sold out.</summary>
    public IReadOnlyList<Guid> SoldOut(IEnumerable<Guid> productIds)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var now = timeProvider.GetUtcNow();
        var soldOut = productIds.Where(id => _soldOutUntil.TryGetValue(id, out var until) && until > now).ToList();
        if (soldOut.Count > 0)
        {
            metrics.SoldOutRefusal("gate"); // the checkout is refused from this host's memory
        }

        return soldOut;
    }
}
