import type { Lesson } from '../lesson/lesson-schema';

/**
 * The default lesson, built on a January 2020 op-ed in The Jerusalem Post.
 *
 * Section paragraphs quote the article verbatim (see soleimani-op-ed.txt; the photo caption the
 * page printed twice is kept once). Every other string is the project's own writing; facts after
 * January 2020 are limited to those in the project's lesson brief.
 */
export const soleimaniLesson: Lesson = {
  schemaVersion: 1,
  id: 'soleimani-2020',
  metadata: {
    title: 'Misreading the other side: why did the US kill Qasem Soleimani?',
    subtitle:
      'An op-ed from January 2020 on the US–Iran confrontation: what it argues, how it argues it, and what happened next.',
    source: {
      publication: 'The Jerusalem Post',
      headline: 'Why, despite similar interests, did the US kill Qasem Soleimani?',
      published: 'January 2020',
      authorDescription:
        'A professor, an expert on American politics and foreign policy, and a senior research associate at the BESA Center for Strategic Studies at Bar-Ilan University',
    },
    estimatedMinutes: { selfStudy: 25, classroom: 45 },
  },
  sections: [
    {
      id: 'thesis',
      title: 'The question and the author’s answer',
      paragraphs: [
        {
          role: 'headline',
          text: 'Why, despite similar interests, did the US kill Qasem Soleimani?',
        },
        {
          role: 'standfirst',
          text: 'The answer may be found in missed perceptions and miscalculations, primarily on the Iranian side.',
        },
        {
          role: 'caption',
          text: 'MOURNERS ATTEND a funeral procession on Sunday for Iranian Maj.-Gen. Qasem Soleimani and Iraqi militia commander Abu Mahdi al-Muhandis. (photo credit: REUTERS)',
        },
      ],
      items: [
        {
          kind: 'poll',
          id: 'thesis-prior-knowledge',
          question: 'Before you read on: what did you already know about Qasem Soleimani?',
          mode: 'single',
          options: [
            { id: 'nothing', label: 'Nothing before this lesson' },
            { id: 'name-only', label: 'I had heard the name' },
            { id: 'who-he-was', label: 'I knew who he was and why he mattered' },
            { id: 'events', label: 'I knew about the events of January 2020 in some detail' },
          ],
        },
        {
          kind: 'prompt',
          id: 'thesis-question',
          level: 'recall',
          question:
            'In your own words: what question does the headline ask, and what answer does the line under it give?',
          guidance: {
            minWords: 25,
            hint: 'Say who, according to the subtitle, made most of the mistakes.',
          },
        },
      ],
      summary:
        'The headline asks a puzzle: if the United States and Iran share interests, why did the US kill Qasem Soleimani, one of Iran’s most powerful military commanders? The subtitle gives the author’s answer in one line: the two sides misread each other, and Iran misread more. The photo shows the funeral of Soleimani and of an Iraqi militia leader who was killed with him.',
      teacherNotes: [
        'Listen for students who can separate the question (the headline) from the answer the author claims (the subtitle); the rest of the lesson tests whether that answer holds up.',
        'Background if needed: on 3 January 2020 a US drone strike at Baghdad airport killed Soleimani and Abu Mahdi al-Muhandis. The article was written in the days that followed.',
        'Follow-up: why might a writer give away his answer in the subtitle instead of building up to it?',
      ],
    },
    {
      id: 'shared-interests',
      title: 'Shared interests',
      paragraphs: [
        {
          text: 'While the US and Iran have quarreled on the nuclear deal, they do share two major interests: they both don’t want a major war and want the US to disengage from the Middle East.',
        },
        {
          text: 'US President Donald Trump stated these interests several times and demonstrated them by tolerating repeated violent provocations by Iran in the Gulf, allowing the Turkish invasion and occupation of territory in northern Syria, and withdrawing American forces from that area.',
        },
        {
          text: 'Both countries expressed interest in negotiations to settle the conflict over the 2015 nuclear deal. During the last meeting of the UN General Assembly, Trump almost begged for a meeting with President Hassan Rouhani and was rebuffed because Iran set a precondition: an immediate removal of the harsh US sanctions, which Trump rejected.',
        },
        {
          text: 'So the question is how did Iran and the US reach a direct violent confrontation that may be leading to a major war they both want to avoid?',
        },
        {
          text: 'The answer may be found in missed perceptions and miscalculations, primarily on the Iranian side.',
        },
      ],
      items: [
        {
          kind: 'prompt',
          id: 'shared-interests-evidence',
          level: 'analysis',
          question:
            'The author says the US and Iran share two major interests. Name them. For each one, what evidence does he give, and does he give as much evidence about Iran as about Trump?',
          guidance: {
            minWords: 40,
            hint: 'Look at whose actions the examples in the second and third paragraphs describe.',
          },
        },
        {
          kind: 'poll',
          id: 'shared-evidence-list',
          question:
            'Which of these does the author give as signs that Trump wanted to avoid war and step back from the region? Choose all that apply.',
          mode: 'multiple',
          options: [
            {
              id: 'gulf-provocations',
              label: 'Tolerating repeated violent provocations by Iran in the Gulf',
            },
            { id: 'turkish-invasion', label: 'Allowing the Turkish invasion of northern Syria' },
            { id: 'syria-withdrawal', label: 'Withdrawing American forces from northern Syria' },
            {
              id: 'met-rouhani',
              label: 'Meeting President Rouhani at the UN General Assembly',
            },
            { id: 'lifted-sanctions', label: 'Lifting US sanctions on Iran' },
          ],
          afterAnswer:
            'The first three are in the text. The last two did not happen: the author says Iran turned down a meeting, and Trump rejected Iran’s demand that sanctions be removed first.',
        },
        {
          kind: 'claimCheck',
          id: 'shared-claims',
          instructions:
            'Sort each quoted passage: is it a fact that could be checked, an opinion, a prediction, or analysis (the author’s interpretation linking facts together)? Watch for loaded words.',
          claims: [
            {
              id: 'shared-claim-interests',
              quote:
                'they both don’t want a major war and want the US to disengage from the Middle East',
              expected: 'analysis',
              explanation:
                'The author’s reading of what two governments want. He backs it with examples about Trump, but it cannot be checked directly, and he offers less evidence about Iran.',
            },
            {
              id: 'shared-claim-begged',
              quote: 'Trump almost begged for a meeting with President Hassan Rouhani',
              expected: 'opinion',
              explanation:
                'That Trump sought a meeting and was turned down can be checked, but “almost begged” is loaded wording that makes him look weak. A neutral writer might say “sought” or “asked for”.',
            },
            {
              id: 'shared-claim-precondition',
              quote:
                'Iran set a precondition: an immediate removal of the harsh US sanctions, which Trump rejected',
              expected: 'fact',
              explanation:
                'A report of what each side said in public, which can be checked in news coverage from the time. The word “harsh” adds a judgement.',
            },
            {
              id: 'shared-claim-war',
              quote: 'may be leading to a major war they both want to avoid',
              expected: 'prediction',
              explanation:
                'The words “may be leading to” look ahead: this is a forecast of what could happen, not a report of what has happened.',
            },
          ],
        },
      ],
      summary:
        'The author argues that the US and Iran want the same two things: no major war, and the US out of the Middle East. As evidence he points to Trump letting Iranian provocations pass, letting Turkey move into northern Syria, and seeking a meeting with Iran’s president at the UN, which Iran refused unless sanctions were lifted first. He then asks how the two came to blows anyway, and answers: misperceptions and miscalculations, mainly by Iran.',
      teacherNotes: [
        'Listen for students who notice that almost all the evidence is about Trump; Iran’s wish to avoid war is stated more than shown.',
        'The sentence that closes this section repeats the subtitle word for word. Ask why a writer or editor might do that.',
        'Follow-up: does wanting the US “to disengage from the Middle East” mean the same thing in Washington as in Tehran?',
      ],
    },
    {
      id: 'restraint-2019',
      title: 'Restraint under provocation in 2019',
      paragraphs: [
        {
          text: 'The targeted killing of Qasem Soleimani wasn’t a retaliation for the attack of his Shi’ite militias on the US Embassy. This attack was only the straw that broke the camel’s back. Throughout the second half of 2019, Trump showed much restraint in the face of a series of violent provocations by Iran in the Gulf. In May, Iran attacked oil tankers, in June it downed an expensive American drone, and in September it attacked major oil facilities in Saudi Arabia. All these provocations were designed to counter the harsh US sanctions. Trump didn’t respond, to the chagrin of the US’s Arab allies and Israel.',
        },
      ],
      items: [
        {
          kind: 'prompt',
          id: 'restraint-timeline',
          level: 'recall',
          question:
            'List the three Iranian actions of 2019 that the author names, with the month of each. What does he say they were meant to achieve?',
          guidance: {
            hint: 'All three are in one sentence; their purpose is in the sentence after it.',
          },
        },
        {
          kind: 'scale',
          id: 'restraint-wise',
          statement:
            'Not responding with force to the attacks of 2019 was a wise choice for the United States.',
        },
        {
          kind: 'prompt',
          id: 'restraint-gulf-view',
          level: 'analysis',
          question:
            'The author says Trump’s restraint was “to the chagrin of the US’s Arab allies and Israel”. Imagine an adviser to the Saudi government reading this paragraph. How might they tell the story of 2019 differently, and what would they have wanted the US to do?',
          guidance: { minWords: 40 },
        },
      ],
      summary:
        'The author argues that the killing was not simply a reply to the militia attack on the US Embassy; that attack was only the last straw. According to him, Iran attacked oil tankers in May 2019, shot down an American drone in June and attacked Saudi oil facilities in September, all to push back against US sanctions. Trump did not respond, which disappointed America’s Arab allies and Israel.',
      teacherNotes: [
        'Listen for whether students grasp the idiom “the straw that broke the camel’s back”: the author presents the killing as a response to a whole series of events, not to one attack.',
        'Careful readers may notice that May and June fall in the first half of 2019, not the second half as the paragraph says. It is a small slip, and a good reason to check details.',
        'The author states as plain fact that Iran carried out the tanker and Saudi attacks. At the time Iran denied involvement and Yemen’s Houthi movement claimed the attack on the Saudi facilities, while the US and Saudi Arabia blamed Iran. Follow-up: how should a careful writer handle a disputed claim about who did something?',
      ],
    },
    {
      id: 'misperception',
      title: 'The misperception',
      paragraphs: [
        {
          text: 'Soleimani misperceived and misinterpreted Trump’s intentions, took his aggressive designs one step too far and crossed sensitive redlines. Based on Trump’s statements and inaction in the Gulf and in northern Syria, Soleimani and his immediate superior and mentor, Ayatollah Khamenei, assumed that Trump was timid and, due to the forthcoming presidential elections in the US, wouldn’t dare risk a major war. They miscalculated and were caught by a strategic surprise. Trump indeed doesn’t want another entanglement in the region, but in an election year he can’t afford to look wimpy either and withdraw under Iranian military pressure.',
        },
      ],
      items: [
        {
          kind: 'prompt',
          id: 'misperception-chain',
          level: 'analysis',
          question:
            'Trace the author’s chain of reasoning. What did Soleimani and Khamenei see Trump do, what did they conclude from it, and why, according to the author, was that conclusion wrong?',
          guidance: {
            minWords: 50,
            hint: 'Check whether the author quotes or cites anything Soleimani or Khamenei said to show what they “assumed”.',
          },
        },
        {
          kind: 'claimCheck',
          id: 'misperception-claims',
          instructions:
            'Sort each quoted passage into fact, opinion, prediction or analysis. For each one, ask: how could anyone check it?',
          claims: [
            {
              id: 'misperception-claim-assumed',
              quote:
                'Soleimani and his immediate superior and mentor, Ayatollah Khamenei, assumed that Trump was timid',
              expected: 'analysis',
              explanation:
                'A claim about what two men privately believed. The author gives no source for it, so it is his interpretation of their thinking.',
            },
            {
              id: 'misperception-claim-surprise',
              quote: 'They miscalculated and were caught by a strategic surprise.',
              expected: 'analysis',
              explanation:
                'The author judges Iran’s decisions by how things turned out. It is an interpretation of events, not something a source reports.',
            },
            {
              id: 'misperception-claim-wimpy',
              quote: 'in an election year he can’t afford to look wimpy either',
              expected: 'opinion',
              explanation:
                '“Wimpy” is informal, loaded wording. The sentence gives the author’s view of Trump’s political needs as if it were certain.',
            },
          ],
        },
        {
          kind: 'prompt',
          id: 'misperception-iranian-view',
          level: 'evaluation',
          question:
            'The author explains Iran’s choices without quoting a single Iranian source. How might an Iranian official describe the events of 2019 and the reasons for them? Does leaving out that view weaken the author’s argument?',
          guidance: { minWords: 50 },
        },
      ],
      summary:
        'This is the author’s central claim. Soleimani and Khamenei watched Trump hold back in the Gulf and in Syria and concluded that he was timid and would not risk a war in an election year. In the author’s view this was a miscalculation: Trump does not want a new war, but in an election year he also cannot be seen to back down under pressure.',
      teacherNotes: [
        'Listen for students who notice that the argument depends on knowing what Iran’s leaders thought, which the author asserts but does not show.',
        'The same fact, the coming election, is used to explain both Iran’s expectation (Trump would not dare) and Trump’s action (he could not look weak). Ask whether an explanation that fits either outcome explains much.',
        'Follow-up: what evidence, if it existed, would show what Soleimani actually expected?',
      ],
    },
    {
      id: 'red-line',
      title: 'The red line',
      paragraphs: [
        {
          text: 'The difference between restraint and retaliation was the attack of Soleimani’s pro-Iranian militias on an American base in Baghdad and the killing of an American citizen. The same phenomenon occurred during the Obama tenure at the White House. He, like Trump, wanted to disengage from the Middle East. He felt forced to wage war against the Islamic State jihadists only when they began to behead American journalists and aid workers.',
        },
      ],
      items: [
        {
          kind: 'prompt',
          id: 'red-line-difference',
          level: 'recall',
          question:
            'According to the author, what turned Trump’s restraint into retaliation? What comparison does he make with President Obama?',
        },
        {
          kind: 'poll',
          id: 'red-line-fact-check',
          question:
            'Lateral reading: the article says pro-Iranian militias attacked “an American base in Baghdad” and killed an American citizen. Check another reliable source, such as a news agency report from late December 2019. Where was the American killed?',
          mode: 'single',
          options: [
            { id: 'embassy-baghdad', label: 'At the US Embassy in Baghdad' },
            { id: 'base-baghdad', label: 'At an American base in Baghdad' },
            { id: 'k1-kirkuk', label: 'At the K-1 air base near Kirkuk, in northern Iraq' },
            { id: 'baghdad-airport', label: 'At Baghdad airport' },
          ],
          afterAnswer:
            'The record: on 27 December 2019 a rocket attack on the K-1 air base near Kirkuk, Iraq, killed a US civilian contractor. US strikes on Kataib Hezbollah followed on 29 December, and on 31 December militia members and supporters broke into the US Embassy compound in Baghdad, where no one was killed. The article is right that an American was killed, but wrong about where.',
        },
        {
          kind: 'prompt',
          id: 'red-line-obama',
          level: 'evaluation',
          question:
            'Is it fair to compare Trump after the killing of an American with Obama after the Islamic State beheaded American journalists and aid workers? Give one way the two cases are alike and one way they differ, then decide.',
          guidance: {
            minWords: 50,
            hint: 'Think about who the opponent was in each case: a state, or an armed group.',
          },
        },
      ],
      summary:
        'The author says that what changed Trump’s course was an attack by pro-Iranian militias that killed an American. He compares this with Obama, who also wanted to leave the Middle East but went to war against the Islamic State after it beheaded American journalists and aid workers. On one detail the record differs from the article: the fatal attack hit the K-1 air base near Kirkuk, not a base in Baghdad.',
      teacherNotes: [
        'Listen for students who can put the “red line” idea in their own words: leaders who prefer restraint may still act once their own citizens are killed.',
        'On the fact-check: the rocket attack that killed a US civilian contractor hit K-1 near Kirkuk on 27 December 2019; the break-in at the embassy compound in Baghdad on 31 December killed no one. The article merges the two. Ask whether a mistake about place matters for a writer’s credibility.',
        'Follow-up: the Islamic State was an armed group, while Iran is a state with a government. Does that make the comparison with Obama stronger or weaker?',
      ],
    },
    {
      id: 'embassies',
      title: 'Embassies and memory',
      paragraphs: [
        {
          text: 'Several international conventions, which both Iran and Iraq joined, define diplomatic missions as extraterritorial. The host country is forbidden entry to the premises of a mission without permission of the represented country, even to put out a fire. International rules also define an attack on an embassy as an attack on the represented country. Iran has violated these rules.',
        },
        {
          text: 'An attack on a US diplomatic mission also touched a highly sensitive nerve in the history of American foreign policy. The chaotic desertion of the US Embassy in Saigon in 1975, the obliteration of the US Embassy in Tehran in 1979 and the holding of 52 American diplomats for 444 days, and the attack on the US diplomatic post and the CIA annex in Benghazi, Libya, in 2012 left serious scars on American prestige and honor. At the personal level, Khamenei infuriated Trump by telling him, You can’t do a damn thing.',
        },
      ],
      items: [
        {
          kind: 'poll',
          id: 'embassies-history',
          question:
            'Which events involving US embassies or diplomatic posts does the author list as leaving “serious scars on American prestige and honor”? Choose all that apply.',
          mode: 'multiple',
          options: [
            { id: 'saigon-1975', label: 'Saigon, 1975' },
            { id: 'tehran-1979', label: 'Tehran, 1979' },
            { id: 'beirut-1983', label: 'Beirut, 1983' },
            { id: 'nairobi-1998', label: 'Nairobi, 1998' },
            { id: 'benghazi-2012', label: 'Benghazi, 2012' },
          ],
          afterAnswer:
            'He lists Saigon (1975), Tehran (1979) and Benghazi (2012). US embassies in Beirut (1983) and Nairobi (1998) were also bombed, but the article does not mention them. Saigon in 1975 was a hurried evacuation as the city fell at the end of the Vietnam War, which the author calls a “chaotic desertion”.',
        },
        {
          kind: 'claimCheck',
          id: 'embassies-claims',
          instructions:
            'Sort each quoted passage into fact, opinion, prediction or analysis. For the facts, think about where you could check them.',
          claims: [
            {
              id: 'embassies-claim-conventions',
              quote:
                'Several international conventions, which both Iran and Iraq joined, define diplomatic missions as extraterritorial.',
              expected: 'fact',
              explanation:
                'A factual claim about treaties that can be checked. If you check it, you will find that the main treaty, the 1961 Vienna Convention on Diplomatic Relations, calls mission premises “inviolable” rather than extraterritorial.',
            },
            {
              id: 'embassies-claim-fire',
              quote:
                'The host country is forbidden entry to the premises of a mission without permission of the represented country, even to put out a fire.',
              expected: 'fact',
              explanation:
                'A statement about what the rules say, which can be checked against the text of the treaty.',
            },
            {
              id: 'embassies-claim-violated',
              quote: 'Iran has violated these rules.',
              expected: 'analysis',
              explanation:
                'The author applies the rules to events. Those who broke into the compound were members and supporters of Iraqi militias, so the claim rests on his view that Iran stood behind them, a link he does not show.',
            },
            {
              id: 'embassies-claim-scars',
              quote: 'left serious scars on American prestige and honor',
              expected: 'opinion',
              explanation:
                'A judgement about national pride and reputation. It cannot be measured, and people can reasonably disagree about it.',
            },
          ],
        },
        {
          kind: 'prompt',
          id: 'embassies-iraq-view',
          level: 'evaluation',
          question:
            'International rules also give the host country, here Iraq, a duty to protect embassies on its soil. The article says almost nothing about Iraq’s government or its people. How might an Iraqi see a break-in at the US Embassy by Iraqi militias, followed by a US strike in Baghdad? What does the article lose by leaving this out?',
          guidance: { minWords: 60 },
        },
      ],
      summary:
        'The author explains why an attack on an embassy matters so much. In his account, international rules protect diplomatic missions and treat an attack on an embassy as an attack on the country it represents, and Iran broke those rules. Embassies also carry painful memories for Americans: Saigon in 1975, the hostage crisis in Tehran in 1979, and Benghazi in 2012. Finally, he says, Khamenei’s taunt made it personal for Trump.',
      teacherNotes: [
        'Listen for students who notice the jump from “pro-Iranian militias” to “Iran has violated these rules”: who is responsible for an attack carried out by a group that another state supports?',
        'Khamenei’s words “You can’t do a damn thing.” appear without quotation marks in the article. Ask why quotation marks matter, and how a reader could check what he actually said and in what context.',
        'Follow-up: on 5 January 2020 Iraq’s parliament passed a non-binding resolution asking foreign troops to leave the country. How does that fit with, or complicate, the author’s account?',
      ],
    },
    {
      id: 'forecasting',
      title: 'What comes next?',
      paragraphs: [
        {
          text: 'IT IS extremely difficult to forecast the next steps. Iran promised painful retaliation against the US and its allies. If Tehran pursues harsh revenge, Trump would have to respond in kind. A cycle of escalating retaliation may eventually lead to a major war but also to other scenarios, such as a US withdrawal from the region or negotiations over a new nuclear deal and an end to the conflict. Iran would like to see a Democrat win the 2020 presidential elections and may opt for measures that would help to secure this outcome.',
        },
      ],
      items: [
        {
          kind: 'forecast',
          id: 'forecast-2020',
          question:
            'Imagine it is 6 January 2020 and you have just read this article. For each scenario, how likely is it to happen by 31 December 2020? Give a probability from 0 to 100 %. The scenarios are separate events, so your numbers do not need to add up to 100.',
          asOf: '2020-01-06',
          horizon: '2020-12-31',
          scenarios: [
            {
              id: 'iran-strikes-us-forces',
              statement: 'Iran carries out a military strike on US forces or bases.',
              authorView: {
                probability: 70,
                basis:
                  'He reports that Iran “promised painful retaliation against the US and its allies” and treats harsh revenge as a real possibility.',
              },
              resolution: {
                happened: true,
                date: '2020-01-08',
                text: 'On 8 January 2020 Iran fired ballistic missiles at Ain al-Asad air base and at Erbil in Iraq; no US service member was killed, but more than 100 were later diagnosed with traumatic brain injuries.',
              },
            },
            {
              id: 'sustained-war',
              statement: 'The US and Iran fight a sustained war (more than isolated strikes).',
              authorView: {
                probability: 25,
                basis:
                  'He says escalating retaliation “may eventually lead to a major war” but calls the next steps “extremely difficult to forecast” and stresses that both sides want to avoid one.',
              },
              resolution: {
                happened: false,
                date: '2020-12-31',
                text: 'By 31 December 2020 the US and Iran had not fought a sustained war; the exchange of January 2020 did not grow into one.',
              },
            },
            {
              id: 'us-leaves-iraq',
              statement: 'US forces withdraw from Iraq.',
              authorView: {
                probability: 20,
                basis:
                  'He names “a US withdrawal from the region” only as one of several other scenarios, after arguing that Trump cannot afford to withdraw under Iranian military pressure.',
              },
              resolution: {
                happened: false,
                date: '2020-12-31',
                text: 'US troop numbers in Iraq were cut to about 3,000 by September 2020, but US forces had not left Iraq by 31 December 2020.',
              },
            },
            {
              id: 'new-nuclear-talks',
              statement: 'The US and Iran open new negotiations on the nuclear deal.',
              authorView: {
                probability: 20,
                basis:
                  'He lists “negotiations over a new nuclear deal” as a possible outcome, but earlier notes that Iran refused to meet unless sanctions were removed first, which Trump rejected.',
              },
              resolution: {
                happened: false,
                date: '2020-12-31',
                text: 'No new US–Iran negotiations on the nuclear deal opened in 2020; indirect talks in Vienna began only in April 2021.',
              },
            },
            {
              id: 'democrat-wins',
              statement: 'A Democrat wins the 2020 US presidential election.',
              authorView: {
                probability: 50,
                basis:
                  'He says only that Iran “would like to see a Democrat win” and may act to help, giving no view of his own on how likely that is, which we read as an even chance.',
              },
              resolution: {
                happened: true,
                date: '2020-11-03',
                text: 'On 3 November 2020 Joe Biden, a Democrat, won the US presidential election.',
              },
            },
          ],
        },
        {
          kind: 'prompt',
          id: 'forecast-voters',
          level: 'evaluation',
          question:
            'The author writes that Iran “would like to see a Democrat win” and may take steps to help. How might American voters react if they believed a foreign government was trying to sway their election? Could such an effort backfire? Decide whether the author’s suggestion is convincing.',
          guidance: { minWords: 40 },
        },
      ],
      summary:
        'The author admits that the next steps are very hard to predict. Iran has promised painful revenge; if it strikes, he says, Trump would have to respond, and a cycle of retaliation could lead to a major war, but also to a US withdrawal from the region or to talks on a new nuclear deal. He adds that Iran would prefer a Democrat to win the 2020 US election and might act to help.',
      teacherNotes: [
        'Listen for forecasts given in words (“maybe”, “probably”) and push for numbers; the Brier score rewards confident forecasts only when they turn out right.',
        'The author hedges with “may” throughout, which makes his forecast hard to score. The author’s probabilities shown beside each scenario are the project’s reading of his text, not numbers he gave.',
        'After revealing the outcomes, follow-up: which one surprised the class most, and what did the article lead readers to overrate or miss?',
      ],
    },
    {
      id: 'lesson-drawn',
      title: 'The lesson drawn, and who wrote it',
      paragraphs: [
        {
          text: 'Regardless, the main lesson for the US from the recent exchanges of fire is to avoid mixed messages and confusing actions that often lead to misperceptions and miscalculations.',
        },
        {
          role: 'byline',
          text: 'The writer, a professor, is an expert on American politics and foreign policy and a senior research associate at the BESA Center for Strategic Studies at Bar-Ilan University.',
        },
      ],
      items: [
        {
          kind: 'poll',
          id: 'lesson-author-poll',
          question:
            'The byline says the writer is a senior research associate at the BESA Center, a research institute at an Israeli university. How does knowing who wrote the article affect how you read it?',
          mode: 'single',
          options: [
            { id: 'trust-more', label: 'I trust it more: he is an expert in the field' },
            { id: 'trust-less', label: 'I trust it less: his position may shape his view' },
            {
              id: 'no-change',
              label: 'It makes no difference: the argument matters, not the author',
            },
            {
              id: 'compare-first',
              label: 'I want to compare it with writers from other countries before deciding',
            },
          ],
        },
        {
          kind: 'scale',
          id: 'lesson-convincing',
          statement: 'The article gives a convincing answer to the question in its headline.',
        },
        {
          kind: 'prompt',
          id: 'lesson-evaluate',
          level: 'evaluation',
          question:
            'Is the author’s argument convincing overall? Weigh the evidence he gives against what he leaves out, and say whether his closing lesson, to avoid mixed messages, follows from what came before.',
          guidance: {
            minWords: 80,
            hint: 'Quote a sentence from the text, and name one view the article leaves out: Iraqi, Iranian, American voters or the Gulf states.',
          },
        },
      ],
      summary:
        'The author ends with a lesson for the United States: avoid mixed messages and confusing actions, because they lead others to misread you. The byline tells readers that he is a professor and an expert on American politics and foreign policy at the BESA Center, a research institute at Bar-Ilan University in Israel. Knowing who wrote a piece, and for which publication, is part of reading it well.',
      teacherNotes: [
        'Listen for students who see that the closing lesson is addressed to the US although the article mostly blames Iran’s misreading: the author implies that Trump’s own mixed messages invited it.',
        'On the byline: the aim is not to dismiss the argument because of who wrote it, but to ask what perspective a strategic-studies institute in Israel might bring, and which perspectives it might leave out.',
        'Follow-up: write one sentence of advice to Iran’s leaders in the style of the author’s closing lesson. Is it as easy to write?',
      ],
    },
  ],
  glossary: [
    {
      id: 'nuclear-deal',
      term: '2015 nuclear deal (JCPOA)',
      matches: ['2015 nuclear deal', 'the nuclear deal'],
      definition:
        'An agreement signed in 2015 by Iran, the United States and five other world powers, officially the Joint Comprehensive Plan of Action (JCPOA). Iran accepted limits on its nuclear programme in return for the lifting of many sanctions; the US left the deal in 2018 and brought its sanctions back.',
    },
    {
      id: 'sanctions',
      term: 'Sanctions',
      matches: ['sanctions'],
      definition:
        'Penalties that one country or group of countries places on another to pressure it into changing its behaviour, for example limits on trade, banking or oil sales.',
    },
    {
      id: 'extraterritorial',
      term: 'Extraterritorial',
      matches: ['extraterritorial'],
      definition:
        'Outside the legal reach of the country where something is located. Strictly, international law does not turn embassies into foreign territory; it makes them inviolable, which means the host country’s officials may not enter without permission.',
    },
    {
      id: 'diplomatic-mission',
      term: 'Diplomatic mission',
      matches: ['diplomatic mission'],
      definition:
        'An embassy or other official office through which one country is represented in another, together with its diplomats and staff.',
    },
    {
      id: 'proxy-militia',
      term: 'Proxy militia',
      matches: ['militias', 'militia commander'],
      definition:
        'An armed group outside a country’s regular army that works for the aims of a foreign state which arms, funds or guides it. Several Shi’ite militias in Iraq were backed by Iran’s Quds Force, the branch of the Revolutionary Guards (IRGC) that Soleimani commanded.',
    },
    {
      id: 'red-line',
      term: 'Red line',
      matches: ['redlines'],
      definition:
        'A limit that a country warns others not to cross, suggesting that crossing it will bring a strong response. The article writes it as one word, “redlines”.',
    },
    {
      id: 'besa-center',
      term: 'BESA Center',
      matches: ['BESA Center'],
      definition:
        'The Begin-Sadat Center for Strategic Studies, a research institute (a think tank) at Bar-Ilan University in Israel that studies security and foreign policy.',
    },
    {
      id: 'un-general-assembly',
      term: 'UN General Assembly',
      matches: ['UN General Assembly'],
      definition:
        'The main meeting of the United Nations, in which every member state has a seat and a vote. World leaders gather for it in New York each September; the article refers to the meeting of September 2019.',
    },
    {
      id: 'islamic-state',
      term: 'Islamic State',
      matches: ['Islamic State'],
      definition:
        'A jihadist armed group that seized large parts of Iraq and Syria in 2014 and murdered many people, including Western hostages. A US-led coalition fought it from 2014 onwards.',
    },
    {
      id: 'khamenei',
      term: 'Ayatollah Khamenei',
      matches: ['Khamenei'],
      definition:
        'Ali Khamenei, Iran’s Supreme Leader since 1989. He holds the highest authority in Iran, above the elected president, and commands the armed forces.',
    },
    {
      id: 'shiite',
      term: 'Shi’ite',
      matches: ['Shi’ite'],
      definition:
        'Belonging to Shia Islam, one of the two main branches of Islam; the other, larger branch is Sunni Islam. Most people in Iran and a majority in Iraq are Shi’ite Muslims.',
    },
    {
      id: 'cia-annex',
      term: 'CIA annex',
      matches: ['CIA annex'],
      definition:
        'A compound near the US diplomatic post in Benghazi, Libya, used by the Central Intelligence Agency. Both were attacked on 11 and 12 September 2012, and four Americans, including the US ambassador, were killed.',
    },
  ],
};
