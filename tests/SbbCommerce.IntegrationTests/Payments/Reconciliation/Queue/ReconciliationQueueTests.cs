namespace SbbCommerce.IntegrationTests.Payments.Reconciliation.Queue;

public sealed class ReconciliationQueueTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    /// <summary>A submitted payment and a statement line for it that is only suggested (it carries 1 cent less than due).</summary>
    private async Task<(PlacedOrder Placed, Guid LineId)> SuggestedAsync()
    {
        var placed = await fixture.SubmittedAsync();
        var id = ReconciliationApi.NewId();
        await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(id, fixture.Today(), placed.TotalCents - 1, placed.PaymentReference, "Bea Buyer")]), "cashapp");
        return (placed, await fixture.LineIdAsync(id));
    }

    [Fact]
    public async Task Given_a_suggested_line_When_an_admin_confirms_it_Then_the_payment_is_verified_for_the_line_amount_and_both_are_on_record()
    {
        var (placed, lineId) = await SuggestedAsync();

        var confirmed = await (await Admin().ConfirmAsync(lineId, placed.PaymentId)).ReadAsync();
        var again = await Admin().ConfirmAsync(lineId, placed.PaymentId);

        Assert.Equal("matched", confirmed.GetProperty("status").GetString());
        Assert.Equal(placed.PaymentReference, confirmed.GetProperty("matchedPaymentReference").GetString());
        Assert.Equal(SeededData.AdminId, confirmed.GetProperty("decidedBy").GetGuid());
        Assert.Equal("completed", await fixture.PaymentStatusAsync(placed.PaymentId));
        Assert.Equal(placed.TotalCents - 1, await fixture.PaidAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'statement_match' AND performed_by_type = 'admin' AND performed_by = @admin",
            ("id", placed.PaymentId), ("admin", SeededData.AdminId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'reconciliation.line_matched' AND user_id = @admin", ("id", lineId), ("admin", SeededData.AdminId)));
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "line_already_matched");
    }

    [Fact]
    public async Task Given_a_payment_already_matched_When_another_line_is_confirmed_for_it_Then_409_payment_already_matched()
    {
        var (placed, lineId) = await SuggestedAsync();
        var other = ReconciliationApi.NewId();
        await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(other, fixture.Today(), 500, "again", "Bea Buyer")]), "cashapp");
        await (await Admin().ConfirmAsync(lineId, placed.PaymentId)).ReadAsync();

        var response = await Admin().ConfirmAsync(await fixture.LineIdAsync(other), placed.PaymentId);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "payment_already_matched");
        Assert.NotEqual("matched", await fixture.ScalarAsync<string>("SELECT status FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", other)));
    }

    [Fact]
    public async Task Given_a_line_When_dismissed_Then_it_keeps_the_reason_is_audited_and_a_matched_line_cannot_be_dismissed()
    {
        var (placed, lineId) = await SuggestedAsync();
        var (_, matchedLine) = await SuggestedAsync();
        var matchedPayment = await fixture.ScalarAsync<Guid>("SELECT (candidates->0->>'paymentId')::uuid FROM reconciliation_lines WHERE id = @id", ("id", matchedLine));
        await (await Admin().ConfirmAsync(matchedLine, matchedPayment)).ReadAsync();

        var dismissed = await (await Admin().PostAsJsonAsync($"/api/v1/admin/reconciliation/lines/{lineId}/dismiss", new { reason = "personal transfer" })).ReadAsync();
        var refused = await Admin().PostAsJsonAsync($"/api/v1/admin/reconciliation/lines/{matchedLine}/dismiss", new { reason = "oops" });
        var empty = await Admin().PostAsJsonAsync($"/api/v1/admin/reconciliation/lines/{lineId}/dismiss", new { reason = "" });

        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        Assert.Equal("personal transfer", dismissed.GetProperty("decisionNote").GetString());
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(placed.PaymentId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'reconciliation.line_dismissed'", ("id", lineId)));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "line_already_matched");
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(await Admin().LinesAsync("dismissed"), l => l.GetProperty("id").GetGuid() == lineId);
    }

    [Fact]
    public async Task Given_an_outgoing_line_or_an_unknown_line_When_confirmed_Then_422_line_not_incoming_or_404()
    {
        var placed = await fixture.SubmittedAsync();
        var refund = ReconciliationApi.NewId();
        await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(refund, fixture.Today(), -placed.TotalCents, null, "Bea Buyer", "Sent P2P")]), "cashapp");

        var outgoing = await Admin().ConfirmAsync(await fixture.LineIdAsync(refund), placed.PaymentId);
        var unknown = await Admin().ConfirmAsync(Guid.NewGuid(), placed.PaymentId);

        await outgoing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "line_not_incoming");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "line_not_found");
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(placed.PaymentId));
    }

    [Fact]
    public async Task Given_a_bulk_confirmation_with_one_refusal_When_sent_Then_nothing_is_booked_and_without_it_every_line_is()
    {
        var (first, firstLine) = await SuggestedAsync();
        var (second, secondLine) = await SuggestedAsync();
        var (third, thirdLine) = await SuggestedAsync();
        await (await Admin().ConfirmAsync(thirdLine, third.PaymentId)).ReadAsync();
        var extra = ReconciliationApi.NewId();
        await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(extra, fixture.Today(), 100, "x", "Y Z")]), "cashapp");

        var refused = await Admin().PostAsJsonAsync("/api/v1/admin/reconciliation/lines/confirm", new
        {
            items = new[] { new { lineId = firstLine, paymentId = first.PaymentId }, new { lineId = await fixture.LineIdAsync(extra), paymentId = third.PaymentId } },
        });
        var afterRefusal = await fixture.PaymentStatusAsync(first.PaymentId);
        var accepted = await Admin().PostAsJsonAsync("/api/v1/admin/reconciliation/lines/confirm", new
        {
            items = new[] { new { lineId = firstLine, paymentId = first.PaymentId }, new { lineId = secondLine, paymentId = second.PaymentId } },
        });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict, "payment_already_matched");
        Assert.Equal(third.PaymentId, problem.GetProperty("paymentId").GetGuid());
        Assert.Equal("awaiting_verification", afterRefusal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.All((await accepted.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), l => Assert.Equal("matched", l.GetProperty("status").GetString()));
        Assert.Equal("completed", await fixture.PaymentStatusAsync(first.PaymentId));
        Assert.Equal("completed", await fixture.PaymentStatusAsync(second.PaymentId));
    }

    [Fact]
    public async Task Given_a_statement_with_lines_in_every_state_When_listed_Then_its_summary_sums_them()
    {
        var auto = await fixture.SubmittedAsync();
        var suggested = await fixture.SubmittedAsync();
        var csv = StatementCsv.CashApp([
            new Tx(ReconciliationApi.NewId(), fixture.Today(), auto.TotalCents, auto.PaymentReference, "Bea Buyer"),
            new Tx(ReconciliationApi.NewId(), fixture.Today(), suggested.TotalCents + 100, suggested.PaymentReference, "Bea Buyer"),
            new Tx(ReconciliationApi.NewId(), fixture.Today(), 424_242, "gift", "Qqq Www"),
            new Tx(ReconciliationApi.NewId(), fixture.Today(), -2_500, null, "Supplier", "Sent P2P"),
            new Tx(ReconciliationApi.NewId(), fixture.Today(), -75, null, "Cash App", "Instant Deposit Fee"),
        ]);
        var imported = await Admin().ImportedAsync(csv, "cashapp");
        var statementId = imported.GetProperty("statementId").GetGuid();

        var page = await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/reconciliation/statements?limit=200");
        var one = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/reconciliation/statements/{statementId}");

        var summary = page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == statementId).GetProperty("summary");
        Assert.Equal((1, (long)auto.TotalCents), (summary.GetProperty("matchedCount").GetInt32(), summary.GetProperty("matchedCents").GetInt64()));
        Assert.Equal((1, (long)suggested.TotalCents + 100), (summary.GetProperty("suggestedCount").GetInt32(), summary.GetProperty("suggestedCents").GetInt64()));
        Assert.Equal((1, 424_242L), (summary.GetProperty("unmatchedCount").GetInt32(), summary.GetProperty("unmatchedCents").GetInt64()));
        Assert.Equal((1, 2_500L), (summary.GetProperty("outgoingCount").GetInt32(), summary.GetProperty("outgoingCents").GetInt64()));
        Assert.Equal((1, 75L), (summary.GetProperty("feeCount").GetInt32(), summary.GetProperty("feeCents").GetInt64()));
        Assert.Equal(summary.GetRawText(), one.GetProperty("summary").GetRawText());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'reconciliation.statement_imported'", ("id", statementId)));
    }

    [Fact]
    public async Task Given_a_bad_status_filter_When_listing_lines_Then_400()
    {
        var response = await Admin().GetAsync("/api/v1/admin/reconciliation/lines?status=maybe");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
