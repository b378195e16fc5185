using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

internal static partial class TopicBank
{
    private static readonly TopicTheme Skincare = new()
    {
        Slug = "skincare",
        Zh = "护肤",
        En = "skincare",
        Emojis = ["🧴", "🌿", "💧", "✨", "🫧", "🌸"],
        Palettes =
        [
            new("#fde2e4", "#fad2e1", "#f28482", "#5c3d46"),
            new("#e3f4ec", "#cdebdd", "#52b788", "#2d4a3e"),
            new("#fff3e0", "#ffe0b2", "#f4a261", "#5b4636"),
        ],
        TagsZh = ["敏感肌", "护肤日常", "好物分享", "早C晚A", "油皮护肤", "平价护肤"],
        TagsEn = ["skincareroutine", "sensitiveskin", "glowyskin"],
        ItemsZh = ["面霜", "精华", "防晒", "洁面", "面膜", "水乳", "眼霜", "身体乳"],
        ItemsEn = ["serum", "sunscreen", "cleanser", "face mask", "toner", "eye cream"],
        TitlesZh =
        [
            "{item}空瓶记｜回购第{n}次", "{who}平价{item}清单", "敏感肌的{item}终于找到了", "换季烂脸自救指南", "早C晚A新手入门",
            "{price}元的{item}也太好用了", "熬夜党的急救{item}", "{season}护肤步骤分享", "油皮夏天的{item}答案", "不踩雷的{item}合集",
            "坚持{n}周，皮肤稳定了", "被问爆的{item}来了",
        ],
        TitlesEn = ["My {item} holy grail", "Sensitive skin wins", "{n} steps to glow", "Simple night routine", "Budget {item} finds"],
        OpeningsZh =
        [
            "用了快两个月，终于可以来交作业了！", "最近换季脸又开始泛红起皮，试了一圈总结一下～", "被问了好多次平时用什么，今天一次说清楚。",
            "{item}真的是我今年最大的惊喜，先说结论：会回购。", "作为一个{who}，护肤讲究的就是简单有效。",
        ],
        PointsZh =
        [
            "质地是很轻薄的乳液感，上脸几秒就吸收，不搓泥", "敏感肌用下来没有刺痛，泛红也少了很多", "早上用完再上妆，服帖度明显更好",
            "味道很淡，对香味敏感的姐妹可以放心", "晚上厚涂当睡眠面膜，第二天起床脸是软的", "建议先在耳后试用两三天，再上全脸",
            "防晒一定要足量，一元硬币大小才够", "清洁不要过度，洗完脸紧绷就是洗太干净了", "搭配保湿喷雾一起用，空调房也不干",
            "性价比很高，一瓶能用三个月左右", "按压泵头的包装，卫生又方便", "油皮夏天用也不会闷痘，这点很加分",
        ],
        ClosingsZh =
        [
            "每个人肤质不同，仅供参考～", "以上都是自费购买，真实使用感受。", "下次分享身体护理篇，记得关注哦", "你们有什么宝藏{item}推荐吗？",
        ],
        OpeningsEn =
        [
            "Two months in, here is my honest review.", "My skin has been so dry this season, so here is what actually helped.",
            "A lot of you asked about my routine, so here it is.",
        ],
        PointsEn =
        [
            "Light texture that sinks in within seconds, no pilling", "No stinging on my sensitive skin, and less redness overall",
            "Layers nicely under makeup in the morning", "Patch test behind your ear for a few days first",
            "Use enough sunscreen: two finger lengths for the face", "One bottle lasts about three months",
        ],
        ClosingsEn = ["Everyone's skin is different, so take this as one data point!", "All bought with my own money."],
        CommentsZh = ["干皮可以用吗？", "混油皮用会闷痘吗", "我也在用这个！保湿真的好", "敏感肌姐妹冲了", "求问用了多久见效"],
        CommentsEn = ["Does this work for dry skin?", "Adding this to my cart"],
        BoardsZh = ["护肤清单", "想买的好物"],
        BoardsEn = ["Skincare wishlist"],
    };

    private static readonly TopicTheme Makeup = new()
    {
        Slug = "makeup",
        Zh = "彩妆",
        En = "makeup",
        Emojis = ["💄", "💋", "🎀", "🌷", "🪞", "💅"],
        Palettes =
        [
            new("#ffe5ec", "#ffc2d1", "#fb6f92", "#5a2a3a"),
            new("#f3e8ff", "#e0c3fc", "#9d4edd", "#3c2a4d"),
            new("#fff1e6", "#fde2e4", "#e5989b", "#4a3035"),
        ],
        TagsZh = ["日常妆容", "口红试色", "新手化妆", "伪素颜", "眼妆教程"],
        TagsEn = ["everydaymakeup", "lipswatch", "makeuptips"],
        ItemsZh = ["口红", "粉底液", "眼影盘", "腮红", "散粉", "眉笔", "唇釉"],
        ItemsEn = ["lipstick", "blush", "foundation", "mascara", "concealer"],
        TitlesZh =
        [
            "黄皮亲妈{item}｜{n}支试色", "{who}的{n}分钟通勤妆", "伪素颜妆容教程", "{item}不卡粉的秘诀", "{season}限定的温柔妆",
            "平价{item}横评", "手残党也能学会的眼妆", "约会妆容｜温柔又显白", "持妆一整天的小技巧", "这支{item}太显白了",
        ],
        TitlesEn = ["{n}-minute work face", "My everyday {item}", "No-makeup makeup", "Soft date-night look", "Best {item} swatches"],
        OpeningsZh =
        [
            "早上时间紧张，这套{n}分钟就能搞定。", "黄一白皮的姐妹看过来，这几支是我反复回购的。", "之前一直卡粉斑驳，调整了几个步骤后好多了！",
            "新手化妆真的不用买很多东西，这几样就够了。",
        ],
        PointsZh =
        [
            "底妆前一定要做好保湿，薄涂两层比厚涂一层自然", "用湿的美妆蛋按压，服帖度提升很多", "腮红扫在笑肌偏上的位置，看起来更有元气",
            "眼影先用大地色打底，再用亮片点缀卧蚕", "眉毛用眉粉晕染，边缘不要画得太实", "口红先薄涂再用指腹拍开，颜色更温柔",
            "散粉只在T区定妆，脸颊留一点光泽", "带一支唇膏补妆，下午也不会干", "卸妆一定要彻底，尤其是眼线和睫毛膏",
            "这个色号黄皮涂起来一点都不显黑",
        ],
        ClosingsZh = ["你们最近最爱哪支{item}？", "下期出一期卸妆篇～", "全部自费，放心参考。"],
        OpeningsEn = ["Here is my fastest routine for workdays.", "These are the shades I keep coming back to."],
        PointsEn =
        [
            "Prep with moisturiser so the base doesn't cling to dry patches", "Dab, don't swipe, with a damp sponge",
            "Blush high on the cheeks looks fresher", "Blot lipstick with a finger for a softer edge", "Powder only where you get shiny",
        ],
        ClosingsEn = ["What shade should I try next?", "Bought all of these myself."],
        CommentsZh = ["求色号！！", "黄皮可以冲吗", "这个妆太温柔了", "新手求详细教程"],
        CommentsEn = ["What shade is this?", "So pretty and natural"],
        BoardsZh = ["妆容灵感", "口红清单"],
        BoardsEn = ["Makeup looks"],
    };
}
