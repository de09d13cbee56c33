namespace SbbCommerce.IntegrationTests.Payments.Reconciliation.Import;

public sealed class StatementImportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_a_cashapp_export_naming_a_submitted_payment_with_the_amount_due_When_imported_Then_it_is_verified_through_the_normal_flow()
    {
        var placed = await fixture.SubmittedAsync(12_345);
        var id = ReconciliationApi.NewId();
        var csv = StatementCsv.CashApp([new Tx(id, fixture.Today(), placed.TotalCents, $"order {placed.PaymentReference} thanks", "Bea Buyer")]);

        var result = await Admin().ImportedAsync(csv, "cashapp");

        Assert.Equal(1, result.GetProperty("lines").GetInt32());
        Assert.Equal(1, result.GetProperty("new").GetInt32());
        Assert.Equal(1, result.GetProperty("matched").GetInt32());
        Assert.Equal("completed", await fixture.PaymentStatusAsync(placed.PaymentId));
        Assert.Equal("payment_received", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(placed.TotalCents, await fixture.PaidAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'statement_match' AND performed_by_type = 'system' AND performed_by IS NULL AND status = 'verified'",
            ("id", placed.PaymentId)));
        Assert.Equal(1L, await Count("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'payment.completed'", placed.OrderId)); // ERP messages are keyed by the order
        Assert.Equal(1L, await Count("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'payment.verified'", placed.PaymentId));
        Assert.Equal(1L, await Count("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'payment.verified'", placed.PaymentId));
        var line = await fixture.LineIdAsync(id);
        Assert.Equal(1L, await Count("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'reconciliation.line_matched'", line));
        Assert.Equal(placed.PaymentId, await fixture.ScalarAsync<Guid>("SELECT matched_payment_id FROM reconciliation_lines WHERE id = @id", ("id", line)));
        Assert.Equal(placed.TotalCents, await fixture.ScalarAsync<int>("SELECT received_amount_cents FROM payments WHERE id = @id", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_a_pending_payment_without_proof_When_a_venmo_line_names_it_Then_it_is_submitted_and_verified_by_the_system()
    {
        var placed = await fixture.PlaceAsync(4_200);
        var id = ReconciliationApi.NewId();
        var csv = StatementCsv.Venmo([new Tx(id, fixture.Today(), placed.TotalCents, placed.PaymentReference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "Bea Buyer", "Payment", "Complete")]);

        var result = await Admin().ImportedAsync(csv, "venmo");

        Assert.Equal(1, result.GetProperty("matched").GetInt32());
        Assert.Equal("completed", await fixture.PaymentStatusAsync(placed.PaymentId));
        var actions = await fixture.ScalarAsync<string>(
            "SELECT string_agg(action || '/' || performed_by_type, ',' ORDER BY attempt_number) FROM payment_attempts WHERE payment_id = @id", ("id", placed.PaymentId));
        Assert.Equal("initiated/customer,statement_match/system,statement_match/system", actions);
    }

    [Fact]
    public async Task Given_an_export_When_imported_again_or_overlapping_Then_nothing_is_added_twice()
    {
        var first = new Tx(ReconciliationApi.NewId(), fixture.Today(), 1_111, "no memo here", "Someone Else");
        var second = new Tx(ReconciliationApi.NewId(), fixture.Today(), 2_222, "lunch", "Another Person");
        var third = new Tx(ReconciliationApi.NewId(), fixture.Today(), 3_333, "rent", "Third Person");

        var once = await Admin().ImportedAsync(StatementCsv.CashApp([first, second]), "cashapp");
        var again = await Admin().ImportedAsync(StatementCsv.CashApp([first, second]), "cashapp");
        var overlap = await Admin().ImportedAsync(StatementCsv.CashApp([second, third]), "cashapp");

        Assert.Equal(2, once.GetProperty("new").GetInt32());
        Assert.Equal((0, 2), (again.GetProperty("new").GetInt32(), again.GetProperty("duplicate").GetInt32()));
        Assert.Equal((1, 1), (overlap.GetProperty("new").GetInt32(), overlap.GetProperty("duplicate").GetInt32()));
        foreach (var tx in new[] { first, second, third })
        {
            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", tx.Id!)));
        }
    }

    [Fact]
    public async Task Given_a_bank_export_without_transaction_ids_in_some_lines_When_imported_twice_Then_the_line_hash_deduplicates_and_identical_lines_stay_two()
    {
        var day = fixture.Today();
        var csv = "Date,Description,Amount,Running Bal.\r\n"
            + $"{day:MM/dd/yyyy},COUNTER DEPOSIT,50.00,\"1,050.00\"\r\n"
            + $"{day:MM/dd/yyyy},COUNTER DEPOSIT,50.00,\"1,050.00\"\r\n";

        var once = await Admin().ImportedAsync(csv, "zelle_bank", "bofa");
        var again = await Admin().ImportedAsync(csv, "zelle_bank", "bofa");

        Assert.Equal(2, once.GetProperty("new").GetInt32());
        Assert.Equal(0, again.GetProperty("new").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicate").GetInt32());
    }

    [Fact]
    public async Task Given_a_file_with_bad_lines_When_imported_Then_422_statement_invalid_names_every_failing_line_and_nothing_is_stored()
    {
        var good = ReconciliationApi.NewId();
        var csv = StatementCsv.CashApp([new Tx(good, fixture.Today(), 1_000, "x", "A B")])
            + "T2,not-a-date,Received P2P,USD,$5.00,$0,$5.00,,,,COMPLETE,memo,Name,Your Cash\r\n"
            + $"T3,{fixture.Today():yyyy-MM-dd} 10:00:00 EST,Received P2P,USD,five dollars,$0,$5.00,,,,COMPLETE,memo,Name,Your Cash\r\n"
            + $"T4,{fixture.Today():yyyy-MM-dd} 10:00:00 EST,Received P2P,USD,$1.234,$0,$5.00,,,,COMPLETE,memo,Name,Your Cash\r\n";
        var statements = await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_statements");

        var response = await Admin().ImportAsync(csv, "cashapp");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "statement_invalid");
        Assert.Equal([3, 4, 5], problem.GetProperty("failingLines").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", good)));
        Assert.Equal(statements, await fixture.ScalarAsync<long>("SELECT count(*) FROM reconciliation_statements"));
    }

    [Theory]
    [InlineData("cashapp", "not,a,statement\r\n1,2,3\r\n")]
    [InlineData("venmo", "")]
    [InlineData("cashapp", "Transaction ID,Date,Transaction Type,Currency,Amount,Status\r\n")]
    public async Task Given_a_file_that_is_no_statement_of_its_source_When_imported_Then_422_statement_invalid(string source, string csv)
    {
        var response = await Admin().ImportAsync(csv == "" ? " " : csv, source);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "statement_invalid");
        Assert.NotEmpty(problem.GetProperty("failingLines").EnumerateArray());
    }

    [Fact]
    public async Task Given_an_unknown_source_or_a_generic_file_without_layout_When_imported_Then_400_validation_failed()
    {
        var unknown = await Admin().ImportAsync("a,b\r\n", "paypal");
        var generic = await Admin().ImportAsync("a,b\r\n", "generic");
        var unknownLayout = await Admin().ImportAsync("a,b\r\n", "generic", "nope");

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await generic.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknownLayout.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "statement_invalid");
    }

    [Fact]
    public async Task Given_a_customer_token_When_importing_Then_403()
    {
        var placed = await fixture.PlaceAsync();

        var response = await placed.Client.ImportAsync("a,b\r\n", "cashapp");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Given_outgoing_lines_fees_and_a_failed_transfer_When_imported_Then_they_are_kept_and_never_matched()
    {
        var placed = await fixture.SubmittedAsync(7_700);
        var refund = new Tx(ReconciliationApi.NewId(), fixture.Today(), -placed.TotalCents, placed.PaymentReference, "Bea Buyer", "Sent P2P");
        var fee = new Tx(ReconciliationApi.NewId(), fixture.Today(), -150, null, "Cash App", "Instant Deposit Fee");
        var failed = new Tx(ReconciliationApi.NewId(), fixture.Today(), placed.TotalCents, placed.PaymentReference, "Bea Buyer", Status: "FAILED");

        var result = await Admin().ImportedAsync(StatementCsv.CashApp([refund, fee, failed]), "cashapp");

        Assert.Equal((0, 1, 1, 1), (result.GetProperty("matched").GetInt32(), result.GetProperty("outgoing").GetInt32(),
            result.GetProperty("fees").GetInt32(), result.GetProperty("notCompleted").GetInt32()));
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(placed.PaymentId));
        Assert.Equal("outgoing", await fixture.ScalarAsync<string>("SELECT direction FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", refund.Id!)));
        Assert.Equal("fee", await fixture.ScalarAsync<string>("SELECT direction FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", fee.Id!)));
        Assert.Equal("dismissed", await fixture.ScalarAsync<string>("SELECT status FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", failed.Id!)));
    }

    [Fact]
    public async Task Given_a_bank_of_america_export_When_imported_Then_the_zelle_sender_memo_and_confirmation_are_read_from_the_description()
    {
        var placed = await fixture.SubmittedAsync(9_900);
        var conf = ReconciliationApi.NewId();
        var csv = StatementCsv.Bofa([new Tx(conf, fixture.Today(), placed.TotalCents, placed.PaymentReference, "Bea Buyer"),
            new Tx(null, fixture.Today(), -1_200, null, "Bank", "fee")]);

        var result = await Admin().ImportedAsync(csv, "zelle_bank");

        Assert.Equal(1, result.GetProperty("matched").GetInt32());
        Assert.Equal(1, result.GetProperty("fees").GetInt32());
        Assert.Equal("BEA BUYER", await fixture.ScalarAsync<string>("SELECT counterparty_name FROM reconciliation_lines WHERE provider_transaction_id = @id", ("id", conf)));
        Assert.Equal("completed", await fixture.PaymentStatusAsync(placed.PaymentId));
    }

    [Fact]
    public async Task Given_the_right_reference_but_less_or_more_than_due_When_imported_Then_suggested_with_the_reason_and_never_verified()
    {
        var less = await fixture.SubmittedAsync(10_000);
        var more = await fixture.SubmittedAsync(10_000);
        var lessId = ReconciliationApi.NewId();
        var moreId = ReconciliationApi.NewId();

        var result = await Admin().ImportedAsync(StatementCsv.CashApp([
            new Tx(lessId, fixture.Today(), less.TotalCents - 4_000, less.PaymentReference, "Bea Buyer"),
            new Tx(moreId, fixture.Today(), more.TotalCents + 500, more.PaymentReference, "Bea Buyer")]), "cashapp");
        var suggested = await Admin().LinesAsync("suggested");

        Assert.Equal(2, result.GetProperty("suggested").GetInt32());
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(less.PaymentId));
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(more.PaymentId));
        var lessLine = suggested.Single(l => l.GetProperty("providerTransactionId").GetString() == lessId);
        Assert.Contains("amount_less_than_due", lessLine.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(less.PaymentId, lessLine.GetProperty("candidates")[0].GetProperty("paymentId").GetGuid());
        var moreLine = suggested.Single(l => l.GetProperty("providerTransactionId").GetString() == moreId);
        Assert.Contains("amount_more_than_due", moreLine.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Given_one_transfer_for_two_orders_of_one_customer_When_imported_Then_suggested_as_covering_both_and_neither_is_verified()
    {
        var first = await fixture.SubmittedAsync(3_000);
        var second = await fixture.PlaceSecondOrderAsync(first, 4_000);
        var id = ReconciliationApi.NewId();

        await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(id, fixture.Today(), first.TotalCents + second.TotalCents,
            $"{first.PaymentReference} + {second.PaymentReference}", "Bea Buyer")]), "cashapp");
        var line = (await Admin().LinesAsync("suggested")).Single(l => l.GetProperty("providerTransactionId").GetString() == id);

        Assert.Equal([first.PaymentId, second.PaymentId],
            line.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("paymentId").GetGuid()).Order());
        Assert.Contains("covers_several_orders", line.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(first.PaymentId));
        Assert.Equal("pending", await fixture.PaymentStatusAsync(second.PaymentId));
    }

    [Fact]
    public async Task Given_no_memo_but_the_amount_and_a_misspelt_sender_name_When_imported_Then_suggested_with_score_and_reasons()
    {
        var placed = await fixture.SubmittedAsync(8_765);
        await fixture.NameAsync(placed.Buyer.UserId, "Rosalind", "Featherstonehaugh");
        var id = ReconciliationApi.NewId();

        var result = await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(id, fixture.Today(), placed.TotalCents, null, "Rosalnd Featherstonhaugh")]), "cashapp");
        var line = (await Admin().LinesAsync("suggested")).Single(l => l.GetProperty("providerTransactionId").GetString() == id);

        Assert.Equal(1, result.GetProperty("suggested").GetInt32());
        var candidate = line.GetProperty("candidates")[0];
        Assert.Equal(placed.PaymentId, candidate.GetProperty("paymentId").GetGuid());
        Assert.InRange(candidate.GetProperty("score").GetInt32(), 80, 99);
        var reasons = candidate.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains("amount_equals_due", reasons);
        Assert.Contains(reasons, r => r.StartsWith("name_similar:0.9", StringComparison.Ordinal));
        Assert.Equal("awaiting_verification", await fixture.PaymentStatusAsync(placed.PaymentId));
    }

    [Fact]
    public async Task Given_nothing_resembling_a_payment_When_imported_Then_the_line_stays_unmatched()
    {
        var id = ReconciliationApi.NewId();

        var result = await Admin().ImportedAsync(StatementCsv.CashApp([new Tx(id, fixture.Today(), 123_456, "birthday", "Zyx Qwv")]), "cashapp");

        Assert.Equal(1, result.GetProperty("unmatched").GetInt32());
        Assert.Contains(await Admin().LinesAsync("unmatched"), l => l.GetProperty("providerTransactionId").GetString() == id);
    }

    private Task<long> Count(string sql, Guid id) => fixture.ScalarAsync<long>(sql, ("id", id));
}
