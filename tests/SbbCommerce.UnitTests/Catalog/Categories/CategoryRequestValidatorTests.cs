using SbbCommerce.Api.Modules.Catalog.Categories;

namespace SbbCommerce.UnitTests.Catalog.Categories;

public sealed class CategoryRequestValidatorTests
{
    private readonly CreateCategoryRequestValidator _create = new();
    private readonly UpdateCategoryRequestValidator _update = new();

    [Fact]
    public void Given_a_valid_category_Then_create_and_update_accept_it()
    {
        _create.TestValidate(new CreateCategoryRequest("Longevity", "longevity", null, Guid.NewGuid())).ShouldNotHaveAnyValidationErrors();
        _update.TestValidate(new UpdateCategoryRequest("Longevity", "longevity", null, null, 7u)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("", "ok-slug")]
    [InlineData("Name", "Not A Slug")]
    [InlineData("Name", "")]
    public void Given_a_blank_name_or_bad_slug_Then_create_refuses_it(string name, string slug)
    {
        _create.TestValidate(new CreateCategoryRequest(name, slug, null, null)).ShouldHaveAnyValidationError();
    }

    [Fact]
    public void Given_a_slug_of_101_characters_Then_it_is_refused()
    {
        _create.TestValidate(new CreateCategoryRequest("Name", new string('a', 101), null, null)).ShouldHaveValidationErrorFor(request => request.Slug);
    }

    [Fact]
    public void Given_an_update_without_version_Then_it_is_refused()
    {
        _update.TestValidate(new UpdateCategoryRequest("Name", "slug", null, null, null)).ShouldHaveValidationErrorFor(request => request.Version);
    }
}
