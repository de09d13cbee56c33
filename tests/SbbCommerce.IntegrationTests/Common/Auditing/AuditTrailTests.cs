using System.Net.Http.Headers;

namespace SbbCommerce.IntegrationTests.Common.Auditing;

/// <summary>"Who changed this price, and when": the audit trail read through the API, paged, filtered and exported.</summary>
public sealed class AuditTrailTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_price_change_When_an_admin_reads_the_trail_of_that_product_Then_it_shows_actor_ip_request_id_and_both_prices()
    {
        var (productId, requestId) = await ChangePriceAsync(2500, 1999);

        var list = await fixture.Admin().GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/audit-logs?resourceType=product&resourceId={productId}&action=product.updated");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        var detail = await fixture.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit-logs/{row.Id()}");

        Assert.Equal(SeededData.AdminId, detail.GetProperty("userId").GetGuid());
        Assert.EndsWith("@test.local", detail.Str("userEmail"), StringComparison.Ordinal); // the email claim of the test token
        Assert.Equal("super_admin", detail.Str("userRole"));
        Assert.Equal(requestId, detail.Str("requestId"));
        // The test server has no remote address; the answer carries what the row holds.
        await fixture.ExecuteAsync("UPDATE audit_logs SET ip_address = '203.0.113.7' WHERE id = @id", ("id", row.Id()));
        var withIp = await fixture.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit-logs/{row.Id()}");
        Assert.Equal("203.0.113.7", withIp.Str("ipAddress"));
        Assert.Equal(2500, detail.GetProperty("oldValues").Int("priceCents"));
        Assert.Equal(1999, detail.GetProperty("newValues").Int("priceCents"));
    }

    [Fact]
    public async Task Given_more_rows_than_a_page_When_an_admin_follows_the_cursor_Then_every_row_comes_once_newest_first()
    {
        var (productId, _) = await ChangePriceAsync(2500, 2400, 2300, 2200);
        var admin = fixture.Admin();
        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>(
                $"/api/v1/admin/audit-logs?resourceId={productId}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        // created, published, three updates
        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Select(r => r.Id()).Distinct().Count());
        var times = seen.Select(r => r.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(2200, seen[0].GetProperty("newValues").Int("priceCents"));
    }

    [Fact]
    public async Task Given_a_time_window_and_a_user_When_an_admin_filters_Then_only_rows_inside_match()
    {
        var (productId, _) = await ChangePriceAsync(2500, 2100);
        var now = fixture.Factory.Time.GetUtcNow();
        var admin = fixture.Admin();

        var inside = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/audit-logs?resourceId={productId}&userId={SeededData.AdminId}&from={Iso(now.AddMinutes(-1))}&to={Iso(now.AddMinutes(1))}");
        var before = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/audit-logs?resourceId={productId}&to={Iso(now.AddMinutes(-1))}");
        var otherUser = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/admin/audit-logs?resourceId={productId}&userId={SeededData.CustomerId}");

        Assert.Equal(3, inside.GetProperty("items").GetArrayLength());
        Assert.Equal(0, before.GetProperty("items").GetArrayLength());
        Assert.Equal(0, otherUser.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Given_an_admin_When_the_trail_is_exported_as_csv_Then_the_file_holds_the_rows_and_the_export_is_audited_but_reading_is_not()
    {
        var (productId, _) = await ChangePriceAsync(2500, 1899);
        var admin = fixture.Admin();
        var exportsBefore = await ExportCountAsync();
        await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit-logs?resourceId={productId}");
        Assert.Equal(exportsBefore, await ExportCountAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/admin/audit-logs?resourceId={productId}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await admin.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,created_at,action,resource_type,resource_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length); // header, created, published, updated
        Assert.Contains("product.updated", lines[1], StringComparison.Ordinal);
        Assert.Contains("1899", lines[1], StringComparison.Ordinal);
        Assert.Equal(exportsBefore + 1, await ExportCountAsync());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'audit_logs.exported' AND new_values->>'resourceId' = @id",
            ("id", productId.ToString())));
    }

    [Fact]
    public async Task Given_bad_requests_When_the_trail_is_read_Then_each_answers_its_problem_and_customers_are_refused()
    {
        var admin = fixture.Admin();

        var missing = await admin.GetAsync($"/api/v1/admin/audit-logs/{Guid.NewGuid()}");
        var badCursor = await admin.GetAsync("/api/v1/admin/audit-logs?cursor=not-a-cursor");
        var backwards = await admin.GetAsync("/api/v1/admin/audit-logs?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z");
        var customer = await fixture.CreateClient().WithBearer(fixture.TokenFor("customer", SeededData.CustomerId)).GetAsync("/api/v1/admin/audit-logs");
        var anonymous = await fixture.CreateClient().GetAsync("/api/v1/admin/audit-logs");

        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "audit_log_not_found");
        await badCursor.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private Task<long> ExportCountAsync() => fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE action = 'audit_logs.exported'");

    /// <summary>Creates and publishes a product, then sets each later price through the admin API; returns the last request's id.</summary>
    private async Task<(Guid ProductId, string RequestId)> ChangePriceAsync(int first, params int[] later)
    {
        var body = CatalogApi.ProductBody(priceCents: first);
        var product = await fixture.CreateActiveProductAsync(body);
        var version = product.GetProperty("version").GetUInt32();
        var requestId = "";
        foreach (var price in later)
        {
            body["priceCents"] = price;
            body["version"] = version;
            requestId = $"audit-{Guid.NewGuid():N}";
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/admin/products/{product.Id()}") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Request-Id", requestId);
            var updated = await (await fixture.Admin().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
            version = updated.GetProperty("version").GetUInt32();
        }

        return (product.Id(), requestId);
    }
}
