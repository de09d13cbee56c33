using System.Globalization;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Payments;

/// <summary>
/// The admin verification queue under load: K payments awaiting verification (--requests, default 1,000), verified
/// by concurrent admin clients (one signed session of the seeded super_admin per worker), each request
/// POST /admin/payments/{id}/verify with {} (the payment's own amount). Set-up places the K orders through the API
/// as the checkout scenario does (a buyer and a product each) and submits the customer's proof for every payment.
/// Afterwards every verified order must be fully paid and payment_received.
/// </summary>
internal sealed class VerifyQueueScenario : ScenarioBase
{
    private const int DefaultPayments = 1_000;
    private const int ProductStock = 1_000_000;
    private static readonly byte[] EmptyBody = "{}"u8.ToArray();

    private string _run = string.Empty;
    private PlacedOrder[] _orders = [];
    private Uri[] _targets = [];
    private string[] _adminTokens = [];
    private int _cursor = -1;

    public override string Name => "verify-queue";

    public override string Description =>
        "POST /api/v1/admin/payments/{id}/verify by concurrent admins over --requests payments awaiting verification (default 1000).";

    public override BenchOptions Configure(BenchOptions options) =>
        OneShotRun.Configure(options, Name, DefaultPayments, setUpWarmupRequests: Math.Min(128, 2 * options.Concurrency));

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = (int)context.Options.Requests!.Value;
        var warmup = context.Options.SetUpWarmupRequests;
        _run = BenchSeed.NewRunId();
        var signer = BenchTokenSigner.For(context.Options);
        var admin = await BenchSeed.FindFirstAdminAsync(context, cancellationToken).ConfigureAwait(false);
        var adminSessions = await BenchSeed.StartSessionsAsync(
            context, Enumerable.Repeat(admin.UserId, context.Options.Concurrency).ToArray(), cancellationToken).ConfigureAwait(false);
        _adminTokens = adminSessions.Select(session => signer.Sign(admin.UserId, admin.Email, admin.Role, session)).ToArray();
        await StoreApi.EnsureTokenAcceptedAsync(context, _adminTokens[0], "api/v1/admin/payments?limit=1", cancellationToken).ConfigureAwait(false);
        var version = await StoreApi.GetComplianceVersionAsync(context, cancellationToken).ConfigureAwait(false);

        var total = count + warmup;
        var products = await BenchSeed.CreateProductsAsync(context, _run, "vq", total, ProductStock, cancellationToken).ConfigureAwait(false);
        var buyers = await BenchSeed.CreateBuyersAsync(context, signer, _run, "vq", total, cancellationToken).ConfigureAwait(false);
        context.Log($"verify-queue: run {_run}, {total} buyers; placing orders and submitting proofs");
        var orders = new PlacedOrder[total];
        await BenchSeed.ForEachAsync(context, Enumerable.Range(0, total), async (i, ct) =>
        {
            await StoreApi.AddToCartAsync(context, products[i], 1, ct, accessToken: buyers[i].AccessToken).ConfigureAwait(false);
            orders[i] = await StoreApi.CheckoutAsync(context, buyers[i], version, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A set-up checkout was refused as sold out.");
            await StoreApi.SubmitProofAsync(context, buyers[i], orders[i].PaymentReference, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        _orders = orders[..count];
        _targets = _orders.Select(order => VerifyUri(context, order)).ToArray();
        if (warmup > 0)
        {
            context.Log($"verify-queue: {warmup} warm-up verifications");
            await BenchSeed.ForEachAsync(context, Enumerable.Range(count, warmup), async (i, ct) =>
            {
                using var request = StoreApi.Post(VerifyUri(context, orders[i]), EmptyBody, _adminTokens[i % _adminTokens.Length]);
                using var response = await context.Http.SendAsync(request, ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"A warm-up verification answered {(int)response.StatusCode}: "
                        + await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        context.Figures.Set("run", _run);
        context.Figures.Set("payments", count);
        context.Figures.Set("adminClients", _adminTokens.Length);
        context.Figures.Set("setUpWarmupVerifications", warmup);
        Target = new Uri(context.ApiBaseUrl, "api/v1/admin/payments/{id}/verify");
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration)
    {
        var index = OneShotRun.Next(ref _cursor, _orders.Length);
        return StoreApi.Post(_targets[index], EmptyBody, _adminTokens[workerIndex], $"bench-{_run}-verify-{index}");
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        // Only the payments a request was sent for (all of them unless the run was cut short).
        var sent = _orders.Take((int)Math.Min(Volatile.Read(ref _cursor) + 1L, _orders.Length)).ToArray();
        await using var command = context.Database.CreateCommand("""
            SELECT (SELECT count(*) FROM orders WHERE id = ANY(@orders)),
                   (SELECT count(*) FROM orders WHERE id = ANY(@orders) AND amount_paid_cents = total_cents AND status = 'payment_received'),
                   (SELECT count(*) FROM payments WHERE id = ANY(@payments) AND status = 'completed')
            """);
        command.Parameters.AddWithValue("orders", sent.Select(order => order.OrderId).ToArray());
        command.Parameters.AddWithValue("payments", sent.Select(order => order.PaymentId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var orders = reader.GetInt64(0);
        var paid = reader.GetInt64(1);
        var completed = reader.GetInt64(2);
        var answered2xx = result.Outcomes.Where(pair => pair.Key.Length == 3 && pair.Key[0] == '2').Sum(pair => pair.Value);
        context.Figures.Set("ordersFullyPaid", paid);
        context.Figures.Set("paymentsCompleted", completed);

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{sent.Length} payments sent: {paid} of {orders} orders fully paid and payment_received, {completed} payments completed, {answered2xx} answers 2xx");
        // A request that got no answer (timeout, reset) may or may not have completed its payment.
        return paid == sent.Length && orders == sent.Length && completed >= answered2xx && completed <= answered2xx + result.TransportErrors
            ? Verification.Passed(detail)
            : Verification.Failed(detail);
    }

    private static Uri VerifyUri(BenchContext context, PlacedOrder order) =>
        new(context.ApiBaseUrl, $"api/v1/admin/payments/{order.PaymentId}/verify");
}
