using SbbCommerce.Api.Common.Money;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Methods;

namespace SbbCommerce.Api.Modules.Payments.Initiation;

/// <summary>The Payments module's contract for other modules.</summary>
internal sealed class PaymentsModuleService(
    SbbDbContext db,
    IOutboxWriter outbox,
    IEventRecorder events,
    PaymentLedger ledger,
    TimeProvider timeProvider) : IPaymentsModule
{
    public const string InstructionsTemplate = "payment.instructions";

    // Scoped (one per request): the active method this request looked up, reused when it opens the payment.
    private PaymentMethod? _foundMethod;

    public async Task<PaymentMethodView?> FindActiveMethodAsync(Guid methodId, CancellationToken cancellationToken)
    {
        _foundMethod = await db.Set<PaymentMethod>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == methodId && m.IsActive, cancellationToken);
        return _foundMethod is null ? null : PaymentMethodViews.From(_foundMethod);
    }

    public async Task<PaymentView> InitiateAsync(NewPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        // Checkout has just looked the method up in this request: one round trip less per order.
        var method = _foundMethod is { } found && found.Id == payment.PaymentMethodId
            ? found
            : await db.Set<PaymentMethod>().AsNoTracking().SingleAsync(m => m.Id == payment.PaymentMethodId, cancellationToken);
        var view = PaymentMethodViews.From(method);
        var now = timeProvider.GetDatabaseNow();
        var request = new RequestContext(payment.IpAddress, payment.UserAgent, RequestId: null);
        var sequence = await db.NextAsync(HumanReferences.Payment, "PAY", cancellationToken);
        var row = new Payment
        {
            Id = Guid.CreateVersion7(),
            PaymentReference = sequence,
            OrderId = payment.OrderId,
            UserId = payment.UserId,
            PaymentMethodId = method.Id,
            AmountCents = payment.AmountCents,
            Status = PaymentStatus.Pending,
            IpAddress = request.IpAddress,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddHours(view.ConfirmationWindowHours),
        };
        db.Set<Payment>().Add(row);
        ledger.RecordInitiated(row.Id, new PaymentCaller(payment.Actor, request), new { payment.AmountCents, MethodId = method.Id });
        outbox.Enqueue(OutboxDestinations.InternalEmail, InstructionsTemplate, new
        {
            To = payment.CustomerEmail,
            payment.OrderNumber,
            row.PaymentReference,
            row.AmountCents,
            Currency = Currency.Usd,
            Method = method.Name,
            method.Instructions,
            Details = view.Details,
            row.ExpiresAt,
        }, "payment", row.Id);
        events.Record(new ServerEvent("payment.initiated")
        {
            UserId = payment.UserId,
            OrderId = payment.OrderId,
            PaymentId = row.Id,
            Properties = new { row.AmountCents, Method = method.MethodType },
        }.WithRequest(request));
        return ToView(row, view);
    }

    public async Task<IReadOnlySet<Guid>> OrdersWithLivePaymentsAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken) =>
        (await db.Set<Payment>().AsNoTracking()
            .Where(p => orderIds.Contains(p.OrderId) && (p.Status == PaymentStatus.Pending || p.Status == PaymentStatus.AwaitingVerification))
            .Select(p => p.OrderId).Distinct().ToListAsync(cancellationToken))
        .ToHashSet();

    public Task<bool> HasPaymentAwaitingVerificationAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.Set<Payment>().AnyAsync(p => p.OrderId == orderId && p.Status == PaymentStatus.AwaitingVerification, cancellationToken);

    public async Task<int> CancelPendingPaymentsAsync(Guid orderId, StatusActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Orders cancels from its own state change, which carries no request: the attempt names the actor, not an address.
        var caller = new PaymentCaller(actor, RequestContext.None);
        var pending = await db.Set<Payment>().Where(p => p.OrderId == orderId && p.Status == PaymentStatus.Pending).ToListAsync(cancellationToken);
        var cancelled = 0;
        foreach (var payment in pending)
        {
            // Only pending payments were read and pending -> cancelled is allowed; a refusal is still not counted.
            if (await ledger.MoveAsync(payment, PaymentStatus.Cancelled, PaymentActions.OrderCancelled, caller, null, cancellationToken))
            {
                cancelled++;
            }
        }

        return cancelled;
    }

    public async Task<IReadOnlyList<PaymentView>> PaymentsOfOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var rows = await (from payment in db.Set<Payment>().AsNoTracking()
                          join method in db.Set<PaymentMethod>().AsNoTracking() on payment.PaymentMethodId equals method.Id
                          where payment.OrderId == orderId
                          orderby payment.CreatedAt
                          select new { payment, method }).ToListAsync(cancellationToken);
        return rows.Select(r => ToView(r.payment, PaymentMethodViews.From(r.method))).ToList();
    }

    internal static PaymentView ToView(Payment payment, PaymentMethodView method) => new(
        payment.Id, payment.PaymentReference, payment.OrderId, payment.Status, payment.AmountCents, payment.Currency,
        payment.RefundedAmountCents, payment.ExpiresAt, payment.CreatedAt, payment.CompletedAt, method);
}
