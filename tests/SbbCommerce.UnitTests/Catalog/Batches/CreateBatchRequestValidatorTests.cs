using SbbCommerce.Api.Modules.Catalog.Batches;

namespace SbbCommerce.UnitTests.Catalog.Batches;

public sealed class CreateBatchRequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly CreateBatchRequestValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)));

    private static CreateBatchRequest Valid() =>
        new("BPC-2611-C", 300, null, "https://coa.sciencebasedbody.com/BPC-2611-C.pdf", Today.AddDays(-10), Today.AddDays(700));

    [Fact]
    public void Given_a_complete_batch_Then_it_is_accepted()
    {
        _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(Valid() with { ManufacturedAt = Today, QuantityRemaining = 300 }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_an_expiry_not_after_manufacture_Then_it_is_refused()
    {
        _validator.TestValidate(Valid() with { ExpiresAt = Today.AddDays(-10) }).ShouldHaveValidationErrorFor(request => request.ExpiresAt);
    }

    [Fact]
    public void Given_a_manufacture_date_in_the_future_Then_it_is_refused()
    {
        _validator.TestValidate(Valid() with { ManufacturedAt = Today.AddDays(1) }).ShouldHaveValidationErrorFor(request => request.ManufacturedAt);
    }

    [Fact]
    public void Given_missing_dates_Then_they_are_refused()
    {
        var result = _validator.TestValidate(Valid() with { ManufacturedAt = default, ExpiresAt = default });

        result.ShouldHaveValidationErrorFor(request => request.ManufacturedAt);
        result.ShouldHaveValidationErrorFor(request => request.ExpiresAt);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-1)]
    public void Given_remaining_units_outside_zero_to_produced_Then_they_are_refused(int remaining)
    {
        _validator.TestValidate(Valid() with { QuantityRemaining = remaining }).ShouldHaveValidationErrorFor(request => request.QuantityRemaining);
    }

    [Theory]
    [InlineData("ftp://coa.example/a.pdf")]
    [InlineData("/relative/a.pdf")]
    [InlineData("")]
    public void Given_a_coa_url_that_is_not_absolute_http_Then_it_is_refused(string url)
    {
        _validator.TestValidate(Valid() with { CoaFileUrl = url }).ShouldHaveValidationErrorFor(request => request.CoaFileUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("LOT A")]
    [InlineData("-LOT")]
    public void Given_a_malformed_batch_number_Then_it_is_refused(string number)
    {
        _validator.TestValidate(Valid() with { BatchNumber = number }).ShouldHaveValidationErrorFor(request => request.BatchNumber);
    }

    [Fact]
    public void Given_no_units_produced_Then_it_is_refused()
    {
        _validator.TestValidate(Valid() with { QuantityProduced = 0 }).ShouldHaveValidationErrorFor(request => request.QuantityProduced);
    }
}
