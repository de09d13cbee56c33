using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Reconciliation.ReusedProofs;

namespace SbbCommerce.Api.Modules.Payments.Admin;

/// <summary>Admin reads of payments with their order summaries (orders read through the Orders contract).</summary>
internal sealed class AdminPaymentQueries(SbbDbContext db, IOrderPayments orders, ReusedProofs reusedProofs)
{
    public async Task<AdminPaymentResponse?> FindAsync(Guid paymentId, CancellationToken cancellationToken) =>
        (await ResponsesAsync(db.Set<Payment>().AsNoTracking().Where(p => p.Id == paymentId), cancellationToken)).SingleOrDefault();

    public async Task<List<AdminPaymentResponse>> ResponsesAsync(IQueryable<Payment> payments, CancellationToken cancellationToken)
    {
        var rows = await (from payment in payments
                          join method in db.Set<PaymentMethod>().AsNoTracking() on payment.PaymentMethodId equals method.Id
                          select new { payment, method.Name, method.MethodType }).ToListAsync(cancellationToken);
        var orderViews = await orders.FindManyAsync(rows.Select(r => r.payment.OrderId).Distinct().ToList(), cancellationToken);
        var reused = await reusedProofs.FindAsync(rows.Select(r => r.payment).ToList(), cancellationToken);
        var result = new List<AdminPaymentResponse>(rows.Count);
        foreach (var row in rows)
        {
            var order = orderViews[row.payment.OrderId];
            var p = row.payment;
            result.Add(new AdminPaymentResponse(p.Id, p.PaymentReference, p.Status, p.AmountCents, p.ReceivedAmountCents, p.RefundedAmountCents,
                row.Name, row.MethodType, p.CustomerReference, p.CustomerNotes, p.ProofFileUrl is null ? null : $"/api/v1/admin/payments/{p.Id}/proof",
                p.ProofContentType, p.VerificationNotes, p.CreatedAt, p.UpdatedAt, p.ExpiresAt, p.CompletedAt, Summary(order),
                reused.TryGetValue(p.Id, out var others) ? others : []));
        }

        return result;
    }

    public static AdminOrderSummary Summary(OrderPaymentView o) =>
        new(o.OrderId, o.OrderNumber, o.Status, o.CustomerEmail, o.TotalCents, o.AmountPaidCents, o.AmountDueCents, o.OverpaidCents);
}
