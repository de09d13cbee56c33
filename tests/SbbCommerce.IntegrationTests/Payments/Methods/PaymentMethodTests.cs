namespace SbbCommerce.IntegrationTests.Payments.Methods;

public sealed class PaymentMethodTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly object Venmo = new
    {
        methodType = "venmo", name = "Venmo", instructions = "Pay @sbb with the reference in the note.", details = new { handle = "@sbb" },
        minAmountCents = 100, maxAmountCents = 50_000, confirmationWindowHours = 24, sortOrder = 9,
    };

    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_the_public_list_When_read_Then_active_methods_come_in_order_with_instructions_and_details()
    {
        var methods = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/payment-methods");

        var orders = methods.EnumerateArray().Select(m => m.GetProperty("sortOrder").GetInt32()).ToList();
        Assert.Equal(orders.Order().ToList(), orders);
        Assert.Contains(methods.EnumerateArray(), m => m.GetProperty("methodType").GetString() == "zelle"
            && m.GetProperty("details").ValueKind == JsonValueKind.Object && m.GetProperty("instructions").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Given_an_admin_When_creating_a_method_Then_the_public_list_shows_it_and_the_creation_is_audited()
    {
        var id = await CreateAsync();

        var listed = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/payment-methods");

        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(1L, await Audits(id, "payment_method.created"));
    }

    [Fact]
    public async Task Given_a_method_When_an_admin_replaces_it_Then_the_new_values_are_answered_and_the_change_is_audited()
    {
        var id = await CreateAsync();

        var updated = await (await Admin().PutAsJsonAsync($"/api/v1/admin/payment-methods/{id}", new
        {
            methodType = "venmo", name = "Venmo Business", instructions = "Pay @sbb-biz.", details = new { handle = "@sbb-biz" }, sortOrder = 3,
        })).ReadAsync();

        Assert.Equal("Venmo Business", updated.GetProperty("method").GetProperty("name").GetString());
        Assert.Equal(1L, await Audits(id, "payment_method.updated"));
    }

    [Fact]
    public async Task Given_a_method_When_an_admin_deletes_it_Then_204_and_the_public_list_no_longer_shows_it()
    {
        var id = await CreateAsync();

        var deleted = await Admin().DeleteAsync($"/api/v1/admin/payment-methods/{id}");
        var after = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/payment-methods");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(after.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(1L, await Audits(id, "payment_method.deactivated"));
    }

    [Fact]
    public async Task Given_an_unknown_method_When_an_admin_reads_it_Then_404_payment_method_not_found()
    {
        var response = await Admin().GetAsync($"/api/v1/admin/payment-methods/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "payment_method_not_found");
    }

    [Fact]
    public async Task Given_a_maximum_below_the_minimum_When_creating_a_method_Then_400_validation_failed()
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/admin/payment-methods", new
        {
            methodType = "check", name = "Check", instructions = "Mail it.", details = new { }, minAmountCents = 5_000, maxAmountCents = 100, sortOrder = 1,
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_details_holding_a_number_jsonb_cannot_store_When_creating_a_method_Then_400_validation_failed_not_500()
    {
        var response = await Admin().PostAsync("/api/v1/admin/payment-methods", new StringContent(
            """{"methodType":"check","name":"Check","instructions":"Mail it.","details":{"limit":1e131072},"sortOrder":1}""",
            System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("details", out _));
    }

    private async Task<Guid> CreateAsync() =>
        (await (await Admin().PostAsJsonAsync("/api/v1/admin/payment-methods", Venmo)).ReadAsync()).GetProperty("method").GetProperty("id").GetGuid();

    private Task<long> Audits(Guid id, string action) => fixture.ScalarAsync<long>(
        "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = @action", ("id", id), ("action", action));
}
