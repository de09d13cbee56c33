using SbbCommerce.Api.Modules.Catalog.Diagnostics;

namespace SbbCommerce.UnitTests.Catalog.Diagnostics;

public sealed class StockRequestValidatorTests
{
    private readonly StockRequestValidator _validator = new();

    [Fact]
    public void Given_lines_with_products_and_quantities_Then_they_are_accepted()
    {
        _validator.TestValidate(new StockRequest([new StockRequestLine(Guid.NewGuid(), 1)])).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_lines_an_empty_product_or_a_zero_quantity_Then_they_are_refused()
    {
        _validator.TestValidate(new StockRequest([])).ShouldHaveValidationErrorFor(request => request.Lines);
        _validator.TestValidate(new StockRequest([new StockRequestLine(Guid.Empty, 1)])).ShouldHaveAnyValidationError();
        _validator.TestValidate(new StockRequest([new StockRequestLine(Guid.NewGuid(), 0)])).ShouldHaveAnyValidationError();
    }
}
