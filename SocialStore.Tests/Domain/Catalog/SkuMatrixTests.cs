using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;

namespace SocialStore.Tests.Domain.Catalog;

public class SkuMatrixTests
{
    private static readonly OptionInput Colour = CatalogTestData.Colour;
    private static readonly OptionInput Size = CatalogTestData.Size;

    private static Product TwoByTwo(int redS = 5, int redM = 0, int whiteS = 3, bool whiteM = false)
    {
        var product = new Product { Title = "T恤" };
        var skus = new List<SkuInput>
        {
            new(["红", "S"], 99m, 129m, redS),
            new(["红", "M"], 109m, 129m, redM),
            new(["白", "S"], 89m, 129m, whiteS),
        };
        if (whiteM) skus.Add(new(["白", "M"], 95m, 129m, 7));
        product.SetVariants([Colour, Size], skus);
        return product;
    }

    [Fact]
    public void Combinations_TwoOptions_IsTheCartesianProductInOptionOrder()
    {
        var combinations = SkuMatrix.Combinations([Colour, Size]).Select(c => string.Join("/", c)).ToList();

        Assert.Equal(["红/S", "红/M", "白/S", "白/M"], combinations);
    }

    [Fact]
    public void SetVariants_KeepsSummaryInStep_FromPriceAndTotalStock()
    {
        var product = TwoByTwo();

        Assert.Equal(89m, product.Price);
        Assert.Equal(129m, product.OriginalPrice);
        Assert.Equal(8, product.Stock);
        Assert.Equal(3, product.Skus.Count);
        Assert.Equal(["红", "白"], product.Options[0].Values);
    }

    [Fact]
    public void Choices_NothingSelected_DisablesValuesWithoutStockAnywhere()
    {
        var product = TwoByTwo();

        var choices = SkuMatrix.Choices(product.Options, product.Skus, [null, null]);

        Assert.All(choices[0], c => Assert.True(c.Available));
        Assert.True(choices[1].Single(c => c.Value == "S").Available);
        // 红/M has no stock and 白/M does not exist: M cannot be reached.
        Assert.False(choices[1].Single(c => c.Value == "M").Available);
    }

    [Fact]
    public void Choices_ColourChosen_DisablesSizesThatDoNotExistOrAreSoldOutForIt()
    {
        var product = TwoByTwo(whiteM: true);

        var red = SkuMatrix.Choices(product.Options, product.Skus, ["红", null]);
        var white = SkuMatrix.Choices(product.Options, product.Skus, ["白", null]);

        Assert.False(red[1].Single(c => c.Value == "M").Available);
        Assert.True(white[1].Single(c => c.Value == "M").Available);
        Assert.True(red[0].Single(c => c.Value == "红").Selected);
    }

    [Fact]
    public void Selected_AllOptionsChosen_FindsTheSku()
    {
        var product = TwoByTwo();

        Assert.Equal(89m, SkuMatrix.Selected(product.Options, product.Skus, ["白", "S"])!.Price);
        Assert.Null(SkuMatrix.Selected(product.Options, product.Skus, ["白", null]));
        Assert.Null(SkuMatrix.Selected(product.Options, product.Skus, ["白", "M"]));
    }

    [Fact]
    public void SetVariants_DuplicateCombination_Rejects()
    {
        var product = new Product();

        var error = Assert.Throws<DomainException>(() => product.SetVariants([Colour], [new(["红"], 1m, 1m, 1), new(["红"], 2m, 2m, 1)]));

        Assert.Equal("Catalog.DuplicateSku", error.Code);
        Assert.Empty(product.Skus);
    }

    [Theory]
    [InlineData(-1, 0, 1, "Catalog.NegativePrice")]
    [InlineData(1, -1, 1, "Catalog.NegativePrice")]
    [InlineData(1, 1, -1, "Catalog.NegativeStock")]
    [InlineData(1.001, 1, 1, "Catalog.PriceTooPrecise")]
    public void SetVariants_BadNumbers_Reject(decimal price, decimal original, int stock, string code)
    {
        var error = Assert.Throws<DomainException>(() => new Product().SetVariants([], [new([], price, original, stock)]));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void SetVariants_ValueNotAnOptionValue_Rejects()
    {
        var error = Assert.Throws<DomainException>(() => new Product().SetVariants([Colour], [new(["蓝"], 1m, 1m, 1)]));

        Assert.Equal("Catalog.SkuValueUnknown", error.Code);
    }

    [Fact]
    public void SetVariants_OriginalBelowPrice_WarnsButSaves()
    {
        var product = new Product();

        var result = product.SetVariants([Colour], [new(["红"], 99m, 59m, 1)]);

        Assert.Equal(["红"], result.Warnings);
        Assert.Single(product.Skus);
    }

    [Fact]
    public void SetVariants_Again_KeepsExistingSkusAndReportsPriceAndStockChanges()
    {
        var product = TwoByTwo();
        var redS = product.Skus[0];

        var result = product.SetVariants([Colour, Size], [new(["红", "S"], 79m, 129m, 9), new(["白", "S"], 89m, 129m, 3)]);

        Assert.Same(redS, product.Skus[0]);
        Assert.Contains(new VariantChange("红|S", "Price", "99.00", "79.00"), result.Changes);
        Assert.Contains(new VariantChange("红|S", "Stock", "5", "9"), result.Changes);
        Assert.Contains(new VariantChange("红|M", "IsActive", "true", "false"), result.Changes);
        Assert.False(product.Skus.Single(s => s.Key == "红|M").IsActive);
        Assert.Equal(12, product.Stock);
        Assert.Equal(79m, product.Price);
    }

    [Fact]
    public void SetStock_Negative_Rejects()
    {
        var product = TwoByTwo();

        Assert.Equal("Catalog.NegativeStock", Assert.Throws<DomainException>(() => product.SetStock(product.Skus[0].Id, -1)).Code);
    }
}
