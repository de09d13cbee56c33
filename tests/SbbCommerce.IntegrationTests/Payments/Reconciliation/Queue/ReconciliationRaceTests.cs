using SbbCommerce.Api.Modules.Payments.Reconciliation.Jobs;

namespace SbbCommerce.IntegrationTests.Payments.Reconciliation.Queue;

/// <summary>Two matchings, or two admins, at once: a payment is booked once, a line proves one payment.</summary>
public sealed class ReconciliationRaceTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_open_lines_When_two_matching_jobs_run_at_once_Then_every_payment_is_verified_exactly_once()
    {
        var payments = new List<PlacedOrder>();
        for (var i = 0; i < 8; i++)
        {
            payments.Add(await fixture.SubmittedAsync());
        }

        // Lines a crashed host stored without matching them (what the recurring job is for).
        var statement = await fixture.ScalarAsync<Guid>(
            "INSERT INTO reconciliation_statements (source, layout, file_sha256, line_count, new_line_count) VALUES ('cashapp', 'cashapp', 'x', 8, 8) RETURNING id");
        foreach (var (payment, index) in payments.Select((p, i) => (p, i)))
        {
            await fixture.ExecuteAsync("""
                INSERT INTO reconciliation_lines (statement_id, source, line_number, posted_on, amount_cents, direction, memo, provider_transaction_id, dedupe_key, raw_line)
                VALUES (@statement, 'cashapp', @line, current_date, @amount, 'incoming', @memo, @txn, 'txn:' || @txn, 'raw')
                """, ("statement", statement), ("line", index + 2), ("amount", payment.TotalCents), ("memo", payment.PaymentReference),
                ("txn", ReconciliationApi.NewId()));
        }

        await using var first = fixture.CreateScope();
        await using var second = fixture.CreateScope();
        var runs = await Task.WhenAll(
            Task.Run(() => first.ServiceProvider.GetRequiredService<ReconciliationMatchJob>().RunAsync(CancellationToken.None)),
            Task.Run(() => second.ServiceProvider.GetRequiredService<ReconciliationMatchJob>().RunAsync(CancellationToken.None)));
        await using var third = fixture.CreateScope();
        var again = await third.ServiceProvider.GetRequiredService<ReconciliationMatchJob>().RunAsync(CancellationToken.None);

        Assert.Equal(8, runs.Sum(r => r.Matched));
        Assert.Equal(0, again.Matched);
        foreach (var payment in payments)
        {
            Assert.Equal("completed", await fixture.PaymentStatusAsync(payment.PaymentId));
            Assert.Equal(payment.TotalCents, await fixture.PaidAsync(payment.OrderId));
            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND status = 'verified'", ("id", payment.PaymentId)));
            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE payload->>'paymentId' = @id AND event_type = 'payment.completed'", ("id", payment.PaymentId.ToString())));
            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_lines WHERE matched_payment_id = @id", ("id", payment.PaymentId)));
        }
    }

    [Fact]
    public async Task Given_two_lines_for_one_payment_When_two_admins_confirm_them_at_once_Then_one_wins_and_the_other_gets_payment_already_matched()
    {
        for (var round = 0; round < 5; round++)
        {
            var placed = await fixture.SubmittedAsync();
            var a = ReconciliationApi.NewId();
            var b = ReconciliationApi.NewId();
            await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(a, fixture.Today(), placed.TotalCents + 1, placed.PaymentReference, "Bea Buyer"),
                new Tx(b, fixture.Today(), placed.TotalCents + 2, placed.PaymentReference, "Bea Buyer")]), "cashapp");
            var lineA = await fixture.LineIdAsync(a);
            var lineB = await fixture.LineIdAsync(b);

            var responses = await Task.WhenAll(Admin().ConfirmAsync(lineA, placed.PaymentId), Admin().ConfirmAsync(lineB, placed.PaymentId));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "payment_already_matched");
            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_lines WHERE matched_payment_id = @id", ("id", placed.PaymentId)));
            Assert.InRange(await fixture.PaidAsync(placed.OrderId), placed.TotalCents + 1, placed.TotalCents + 2);
        }
    }

    [Fact]
    public async Task Given_one_line_When_two_admins_confirm_it_for_two_payments_at_once_Then_only_one_payment_is_verified()
    {
        for (var round = 0; round < 5; round++)
        {
            var first = await fixture.SubmittedAsync();
            var second = await fixture.SubmittedAsync();
            var id = ReconciliationApi.NewId();
            await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(id, fixture.Today(), 1, "both?", "Bea Buyer")]), "cashapp");
            var line = await fixture.LineIdAsync(id);

            var responses = await Task.WhenAll(Admin().ConfirmAsync(line, first.PaymentId), Admin().ConfirmAsync(line, second.PaymentId));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "line_already_matched");
            var statuses = new[] { await fixture.PaymentStatusAsync(first.PaymentId), await fixture.PaymentStatusAsync(second.PaymentId) };
            Assert.Equal(1, statuses.Count(s => s == "completed"));
        }
    }

    [Fact]
    public async Task Given_the_database_When_a_second_line_claims_a_matched_payment_or_a_line_is_matched_without_payment_Then_it_refuses()
    {
        var placed = await fixture.SubmittedAsync();
        var id = ReconciliationApi.NewId();
        await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(id, fixture.Today(), placed.TotalCents, placed.PaymentReference, "Bea Buyer"),
            new Tx(id + "B", fixture.Today(), placed.TotalCents, "other", "Bea Buyer")]), "cashapp");

        var twice = await Assert.ThrowsAsync<PostgresException>(() => fixture.ExecuteAsync(
            "UPDATE reconciliation_lines SET status = 'matched', matched_payment_id = @payment WHERE provider_transaction_id = @id",
            ("payment", placed.PaymentId), ("id", id + "B")));
        var withoutPayment = await Assert.ThrowsAsync<PostgresException>(() => fixture.ExecuteAsync(
            "UPDATE reconciliation_lines SET status = 'matched' WHERE provider_transaction_id = @id", ("id", id + "B")));
        var sameTransfer = await Assert.ThrowsAsync<PostgresException>(() => fixture.ExecuteAsync(
            "INSERT INTO reconciliation_lines (statement_id, source, line_number, posted_on, amount_cents, direction, dedupe_key, raw_line) SELECT statement_id, source, 9, posted_on, 1, 'incoming', dedupe_key, 'x' FROM reconciliation_lines WHERE provider_transaction_id = @id",
            ("id", id)));

        Assert.Equal("reconciliation_lines_payment_unique", twice.ConstraintName);
        Assert.Equal("reconciliation_lines_matched_has_payment", withoutPayment.ConstraintName);
        Assert.Equal("reconciliation_lines_dedupe_unique", sameTransfer.ConstraintName);
    }

    [Fact]
    public async Task Given_two_bulk_confirmations_crossing_the_same_payments_When_sent_at_once_Then_one_books_both_and_the_other_is_refused_without_deadlock()
    {
        for (var round = 0; round < 3; round++)
        {
            var p1 = await fixture.SubmittedAsync();
            var p2 = await fixture.SubmittedAsync();
            var ids = Enumerable.Range(0, 4).Select(_ => ReconciliationApi.NewId()).ToArray();
            await Admin().ImportedAsync(StatementCsv.CashApp(ids.Select(id => new Tx(id, fixture.Today(), 1, "bulk", "Bea Buyer"))), "cashapp");
            var lines = new List<Guid>();
            foreach (var id in ids)
            {
                lines.Add(await fixture.LineIdAsync(id));
            }

            var responses = await Task.WhenAll(
                Admin().PostAsJsonAsync("/api/v1/admin/reconciliation/lines/confirm",
                    new { items = new[] { new { lineId = lines[0], paymentId = p2.PaymentId }, new { lineId = lines[1], paymentId = p1.PaymentId } } }),
                Admin().PostAsJsonAsync("/api/v1/admin/reconciliation/lines/confirm",
                    new { items = new[] { new { lineId = lines[2], paymentId = p1.PaymentId }, new { lineId = lines[3], paymentId = p2.PaymentId } } }));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "payment_already_matched");
            Assert.Equal(2L, await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM reconciliation_lines WHERE matched_payment_id IN (@a, @b)", ("a", p1.PaymentId), ("b", p2.PaymentId)));
        }
    }
}
