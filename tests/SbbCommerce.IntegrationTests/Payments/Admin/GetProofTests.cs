namespace SbbCommerce.IntegrationTests.Payments.Admin;

public sealed class GetProofTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_submitted_proof_When_an_admin_downloads_it_Then_the_file_comes_back_as_uploaded()
    {
        var placed = await fixture.SubmittedAsync();

        var proof = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");

        Assert.Equal("image/png", proof.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PaymentsApi.Png, await proof.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Given_a_proof_When_a_customer_or_a_stranger_asks_for_the_file_Then_only_admins_get_it()
    {
        var placed = await fixture.SubmittedAsync();

        var asCustomer = await placed.Client.GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");
        var anonymous = await fixture.CreateClient().GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Given_a_payment_without_a_file_When_an_admin_asks_for_the_proof_Then_404_proof_not_found()
    {
        var placed = await fixture.PlaceAsync();

        var response = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "proof_not_found");
    }
}
